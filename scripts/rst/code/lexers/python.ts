// Python 3 source, tokenized with the rules of Pygments' PythonLexer (keywords,
// builtins, strings, f-strings and bytes with their escapes, numbers, operators,
// def/class/import names, docstrings). The soft keywords match/case/_ are lexed as names.
import { type Rule, type States, fallback, rule, startingWith, wordsRule } from "./engine.ts";

const NAME = "[\\p{L}\\p{Nl}_][\\p{L}\\p{N}\\p{Mn}\\p{Mc}\\p{Pc}]*";
const W = "(?![\\p{L}\\p{N}_])";

const KEYWORDS = [
  "assert", "async", "await", "break", "continue", "del", "elif", "else", "except", "finally", "for", "global",
  "if", "lambda", "pass", "raise", "nonlocal", "return", "try", "while", "yield", "yield from", "as", "with",
];
const EXPR_KEYWORDS = ["async for", "await", "else", "for", "if", "lambda", "yield", "yield from"];
const BUILTINS = [
  "__import__", "abs", "aiter", "all", "any", "bin", "bool", "bytearray", "breakpoint", "bytes", "callable", "chr",
  "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "filter", "float",
  "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance",
  "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open",
  "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
  "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
];
const EXCEPTIONS = [
  "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BufferError", "BytesWarning",
  "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FloatingPointError", "FutureWarning",
  "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError", "KeyError",
  "KeyboardInterrupt", "LookupError", "MemoryError", "NameError", "NotImplementedError", "OSError",
  "OverflowError", "PendingDeprecationWarning", "ReferenceError", "ResourceWarning", "RuntimeError",
  "RuntimeWarning", "StopIteration", "StopAsyncIteration", "SyntaxError", "SyntaxWarning", "SystemError",
  "SystemExit", "TabError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
  "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "VMSError", "Warning",
  "WindowsError", "ZeroDivisionError", "BlockingIOError", "ChildProcessError", "ConnectionError",
  "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
  "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
  "PermissionError", "ProcessLookupError", "TimeoutError", "RecursionError", "ModuleNotFoundError",
  "EncodingWarning", "ExceptionGroup", "BaseExceptionGroup",
];
const MAGIC_FUNCS = [
  "__abs__", "__add__", "__aenter__", "__aexit__", "__aiter__", "__and__", "__anext__", "__await__", "__bool__",
  "__bytes__", "__call__", "__complex__", "__contains__", "__del__", "__delattr__", "__delete__", "__delitem__",
  "__dir__", "__divmod__", "__enter__", "__eq__", "__exit__", "__float__", "__floordiv__", "__format__", "__ge__",
  "__get__", "__getattr__", "__getattribute__", "__getitem__", "__gt__", "__hash__", "__iadd__", "__iand__",
  "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__", "__imul__", "__index__", "__init__",
  "__instancecheck__", "__int__", "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__",
  "__itruediv__", "__ixor__", "__le__", "__len__", "__length_hint__", "__lshift__", "__lt__", "__matmul__",
  "__missing__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__next__", "__or__", "__pos__", "__pow__",
  "__prepare__", "__radd__", "__rand__", "__rdivmod__", "__repr__", "__reversed__", "__rfloordiv__",
  "__rlshift__", "__rmatmul__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__", "__rrshift__",
  "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__set__", "__setattr__", "__setitem__", "__str__",
  "__sub__", "__subclasscheck__", "__truediv__", "__xor__",
];
const MAGIC_VARS = [
  "__annotations__", "__bases__", "__class__", "__closure__", "__code__", "__defaults__", "__dict__", "__doc__",
  "__file__", "__func__", "__globals__", "__kwdefaults__", "__module__", "__mro__", "__name__", "__objclass__",
  "__qualname__", "__self__", "__slots__", "__weakref__",
];

const BYTES_ESCAPE = rule("\\\\(?:[\\\\abfnrtv\"']|\\n|x[a-fA-F0-9]{2}|[0-7]{1,3})", "Literal.String.Escape");
const STRING_ESCAPE = [rule("\\\\(?:N\\{.*?\\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8})", "Literal.String.Escape"), BYTES_ESCAPE];
const RF_ESCAPE = [rule("\\{\\{", "Literal.String.Escape"), rule("\\}\\}", "Literal.String.Escape")];

/** Text inside a string: %-formats and {}-formats as interpolations (Pygments' innerstring_rules). */
function innerString(type: string): Rule[] {
  return [
    rule("%(?:\\(\\w+\\))?[-#0 +]*(?:[0-9]+|[*])?(?:\\.(?:[0-9]+|[*]))?[hlL]?[E-GXc-giorsaux%]", "Literal.String.Interpol"),
    rule("\\{(?:(?:\\w+)(?:(?:\\.\\w+)|(?:\\[[^\\]]+\\]))*)?(?:![sra])?(?::(?:.?[<>=^])?[-+ ]?#?0?(?:\\d+)?,?(?:\\.\\d+)?[E-GXb-gnosx%]?)?\\}", "Literal.String.Interpol"),
    rule(`[^\\\\'"%{\\n]+`, type),
    rule(`['"\\\\]`, type),
    rule("%|(?:\\{{1,2})", type),
  ];
}

/** Text inside an f-string: {expressions} are lexed as Python (Pygments' fstring_rules). */
function innerFString(type: string): Rule[] {
  return [
    rule("\\}", "Literal.String.Interpol"),
    rule("\\{", "Literal.String.Interpol", "expr-inside-fstring"),
    rule(`[^\\\\'"{}\\n]+`, type),
    rule(`['"\\\\]`, type),
  ];
}

/** The states of one kind of string: quote `q`, escapes first, f-string or not. */
function stringStates(q: string, type: string, escapes: Rule[], f: boolean): Record<string, Rule[]> {
  const inner = f ? innerFString(type) : innerString(type);
  return {
    triple: [...escapes, rule(q.repeat(3), type, "#pop"), ...inner, rule("\\n", type)],
    single: [...escapes, rule(q, type, "#pop"), rule(`\\\\\\\\|\\\\${q}|\\\\\\n`, "Literal.String.Escape"), ...inner],
  };
}

const STRING_KINDS: Array<{ name: string; prefix: string; first: string; escapes: Rule[]; f: boolean }> = [
  { name: "rf", prefix: "[rR][fF]|[fF][rR]", first: "rRfF", escapes: RF_ESCAPE, f: true },
  { name: "f", prefix: "[fF]", first: "fF", escapes: [...RF_ESCAPE, ...STRING_ESCAPE], f: true },
  { name: "r", prefix: "[rR][bB]|[bB][rR]|[rR]", first: "rRbB", escapes: [], f: false },
  { name: "u", prefix: "[uU]?", first: "uU", escapes: STRING_ESCAPE, f: false },
  { name: "b", prefix: "[bB]", first: "bB", escapes: [BYTES_ESCAPE], f: false },
];

function stringOpeners(): Rule[] {
  const out: Rule[] = [];
  for (const k of STRING_KINDS) {
    for (const [q, type] of [['"', "Literal.String.Double"], ["'", "Literal.String.Single"]] as const) {
      const kind = `${k.name}${q === '"' ? "d" : "s"}`;
      out.push(startingWith(k.first + q, rule(`(${k.prefix})(${q.repeat(3)})`, ["Literal.String.Affix", type], `${kind}-triple`)));
    }
    for (const [q, type] of [['"', "Literal.String.Double"], ["'", "Literal.String.Single"]] as const) {
      const kind = `${k.name}${q === '"' ? "d" : "s"}`;
      out.push(startingWith(k.first + q, rule(`(${k.prefix})(${q})`, ["Literal.String.Affix", type], `${kind}-single`)));
    }
  }
  return out;
}

function stringStateTable(): States {
  const states: States = {};
  for (const k of STRING_KINDS) {
    for (const [q, type] of [['"', "Literal.String.Double"], ["'", "Literal.String.Single"]] as const) {
      const kind = `${k.name}${q === '"' ? "d" : "s"}`;
      const st = stringStates(q, type, k.escapes, k.f);
      states[`${kind}-triple`] = st.triple;
      states[`${kind}-single`] = st.single;
    }
  }
  return states;
}

const DIGITS = "0123456789";
const NUMBERS = [
  startingWith(DIGITS + ".", rule("(?:\\d(?:_?\\d)*\\.(?:\\d(?:_?\\d)*)?|(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?", "Literal.Number.Float")),
  startingWith(DIGITS, rule("\\d(?:_?\\d)*[eE][+-]?\\d(?:_?\\d)*j?", "Literal.Number.Float")),
  startingWith("0", rule("0[oO](?:_?[0-7])+", "Literal.Number.Oct")),
  startingWith("0", rule("0[bB](?:_?[01])+", "Literal.Number.Bin")),
  startingWith("0", rule("0[xX](?:_?[a-fA-F0-9])+", "Literal.Number.Hex")),
  startingWith(DIGITS, rule("\\d(?:_?\\d)*", "Literal.Number.Integer")),
];

const DOC_FIRST = " \t\f\v\r\u00a0\u2028\u2029\"'rRuUbB";

const EXPR = [
  ...stringOpeners(),
  rule("[^\\S\\n]+", "Text"),
  ...NUMBERS,
  rule("!=|==|<<|>>|:=|[-~+/*%=<>&^|.]", "Operator"),
  rule("[\\]{}:(),;\\[]", "Punctuation"),
  rule(`(?:in|is|and|or|not)${W}`, "Operator.Word"),
  wordsRule(EXPR_KEYWORDS, "Keyword", "", W),
  wordsRule(["True", "False", "None"], "Keyword.Constant", "", W),
  wordsRule(BUILTINS, "Name.Builtin", "(?<!\\.)", W),
  rule(`(?<!\\.)(?:self|Ellipsis|NotImplemented|cls)${W}`, "Name.Builtin.Pseudo"),
  wordsRule(EXCEPTIONS, "Name.Exception", "(?<!\\.)", W),
  wordsRule(MAGIC_FUNCS, "Name.Function.Magic", "", W),
  wordsRule(MAGIC_VARS, "Name.Variable.Magic", "", W),
  rule(`@${NAME}`, "Name.Decorator"),
  rule("@", "Operator"),
  rule(NAME, "Name"),
];

export const PYTHON_STATES: States = {
  root: [
    rule("\\n", "Text.Whitespace"),
    startingWith(DOC_FIRST, rule(`^(\\s*)([rRuUbB]{0,2})("""[\\s\\S]*?""")`, ["Text.Whitespace", "Literal.String.Affix", "Literal.String.Doc"])),
    startingWith(DOC_FIRST, rule(`^(\\s*)([rRuUbB]{0,2})('''[\\s\\S]*?''')`, ["Text.Whitespace", "Literal.String.Affix", "Literal.String.Doc"])),
    rule("(?<![\\s\\S])#!.+$", "Comment.Hashbang"),
    rule("#.*$", "Comment.Single"),
    rule("\\\\\\n", "Text"),
    rule("\\\\", "Text"),
    wordsRule(KEYWORDS, "Keyword", "", W),
    wordsRule(["True", "False", "None"], "Keyword.Constant", "", W),
    startingWith("d", rule("(def)((?:\\s|\\\\\\s)+)", ["Keyword", "Text"], "funcname")),
    startingWith("c", rule("(class)((?:\\s|\\\\\\s)+)", ["Keyword", "Text"], "classname")),
    startingWith("f", rule("(from)((?:\\s|\\\\\\s)+)", ["Keyword.Namespace", "Text"], "fromimport")),
    startingWith("i", rule("(import)((?:\\s|\\\\\\s)+)", ["Keyword.Namespace", "Text"], "import")),
    ...EXPR,
  ],
  funcname: [wordsRule(MAGIC_FUNCS, "Name.Function.Magic", "", W), rule(NAME, "Name.Function", "#pop"), fallback("#pop")],
  classname: [rule(NAME, "Name.Class", "#pop")],
  import: [
    rule("(\\s+)(as)(\\s+)", ["Text", "Keyword", "Text"]),
    rule("\\.", "Name.Namespace"),
    rule(NAME, "Name.Namespace"),
    rule("(\\s*)(,)(\\s*)", ["Text", "Operator", "Text"]),
    fallback("#pop"),
  ],
  fromimport: [
    rule("(\\s+)(import)\\b", ["Text", "Keyword.Namespace"], "#pop"),
    rule("\\.", "Name.Namespace"),
    rule(`None${W}`, "Keyword.Constant", "#pop"),
    rule(NAME, "Name.Namespace"),
    fallback("#pop"),
  ],
  "expr-inside-fstring": [
    rule("[{(\\[]", "Punctuation", "expr-inside-fstring-inner"),
    rule("(?:=\\s*)?(?:![sraf])?\\}", "Literal.String.Interpol", "#pop"),
    rule("(?:=\\s*)?(?:![sraf])?:", "Literal.String.Interpol", "#pop"),
    rule("\\s+", "Text.Whitespace"),
    ...EXPR,
  ],
  "expr-inside-fstring-inner": [
    rule("[{(\\[]", "Punctuation", "expr-inside-fstring-inner"),
    rule("[\\])}]", "Punctuation", "#pop"),
    rule("\\s+", "Text.Whitespace"),
    ...EXPR,
  ],
  ...stringStateTable(),
};
