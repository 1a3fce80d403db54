import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assemble } from "../assemble/assemble.ts";
import { loadTargets, resolveTarget } from "../sources/targets.ts";
import { resolveRelativeTitles } from "../assemble/titles.ts";
import { substituteVariables } from "../assemble/substitute.ts";
import { loadDiagnostics, loadSources } from "../sources/index.ts";
import type { EndpointUnit } from "./units/endpoints.ts";
import { endpointTitles } from "./catalog.ts";
import { buildVariables, usedNames } from "./index.ts";
import { listTables } from "./testing/list-tables.ts";
import { listTemplateVariables } from "./vars-listing.ts";

const FIXTURE = resolve(import.meta.dirname, "fixtures/small");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A copy of the fixture in a temporary folder (outside any git checkout). */
function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "templating-"));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** The variables of a tree, with the problems of loading it (as the pipeline reports them). */
function build(root: string) {
  const used = usedNames(root, ["specification/index.rst", "supporting-docs/howtos/client-server.rst"]);
  const sources = loadSources(root);
  const built = buildVariables(sources, { usedNames: used });
  return { variables: built.variables, diagnostics: [...loadDiagnostics(sources), ...built.diagnostics] };
}

const fixture = build(FIXTURE);
const text = (name: string) => fixture.variables.get(name)?.text ?? "";
const titlesOf = (rst: string, chars = "</>") =>
  rst
    .split("\n")
    .filter((l, i, all) => i + 1 < all.length && l && new RegExp(`^[${chars}]{3,}$`).test(all[i + 1]))
    .map((l) => l.replace(/\\/g, ""));

describe("the variables of a small tree", () => {
  it("defines one variable per Swagger file and event schema, the groups, the core fields and the versions", () => {
    expect(fixture.diagnostics).toEqual([]);
    expect([...fixture.variables.keys()].sort()).toEqual(
      [
        "presence_http_api",
        "profile_http_api",
        "v2_sync_state_http_api",
        ...["answer", "candidates", "hangup", "invite"].map((t) => `m_call_${t}_event`),
        "m_presence_event",
        "m_room_member_event",
        "m_room_message_event",
        ...["audio", "emote", "file", "image", "location", "notice", "text", "video"].map((t) => `m_room_message_m_${t}_event`),
        "m_room_name_event",
        "m_room_topic_event",
        "m_typing_event",
        "room_events",
        "msgtype_events",
        "voip_events",
        "presence_events",
        "common_event_fields",
        "common_room_event_fields",
        "common_state_event_fields",
        "spec_version",
        "spec_changelog",
        "git_version",
        "git_rev",
      ].sort(),
    );
  });

  it("lists presence endpoints with the status ones first, then by path", () => {
    expect(titlesOf(text("presence_http_api"))).toEqual([
      "GET /_matrix/client/api/v1/presence/{userId}/status",
      "PUT /_matrix/client/api/v1/presence/{userId}/status",
      "GET /_matrix/client/api/v1/presence/list/{userId}",
      "POST /_matrix/client/api/v1/presence/list/{userId}",
    ]);
  });

  it("lists profile endpoints with displayname and avatar_url first, and the alias after its endpoint", () => {
    expect(titlesOf(text("profile_http_api"))).toEqual([
      "GET /_matrix/client/api/v1/profile/{userId}/displayname",
      "GET /_matrix/client/api/v1/displayname/{userId}",
      "GET /_matrix/client/api/v1/profile/{userId}/avatar_url",
      "GET /_matrix/client/api/v1/profile/{userId}",
    ]);
  });

  it("underlines every section of a variable as a subtitle of the title written before the placeholder", () => {
    const underlines = text("presence_http_api")
      .split("\n")
      .filter((l) => /^([</>])\1{2,}$/.test(l))
      .map((l) => l[0]);
    expect(underlines).toEqual(["<", "<", "<", "<"]);
  });

  it("writes an alias as a section that links to the canonical endpoint by its title", () => {
    const profile = text("profile_http_api");
    expect(profile).toContain("An alias of `GET /_matrix/client/api/v1/profile/{userId}/displayname`_:");
  });

  it("documents auth, rate limiting, the request tables and the example request", () => {
    const put = text("presence_http_api").slice(text("presence_http_api").indexOf("PUT /_matrix"));
    const section = put.slice(0, put.indexOf("GET /_matrix/client/api/v1/presence/list"));
    expect(section).toContain(".. class:: operation-badges\n\n:badge-auth:`Requires auth` :badge-rate-limited:`Rate-limited`\n");
    expect(section).toContain(".. list-table:: Path parameters");
    expect(section).toContain(".. list-table:: Query parameters");
    expect(section).toContain(".. list-table:: JSON body parameters");
    expect(section).toContain(".. list-table:: Device");
    for (const key of ["``presence``", "``status.msg``", "``status.tags[0].name``", "``device``"]) expect(section).toContain(`   * - ${key}`);
    expect(section).toContain(
      [
        ".. code:: http",
        "",
        "   PUT /_matrix/client/api/v1/presence/%40alice%3Aexample.org/status?ttl=30 HTTP/1.1",
        "   Content-Type: application/json",
        "",
        '   {"presence": "online", "status": {"msg": "hi", "tags": [{"name": "x"}]}}',
      ].join("\n"),
    );
    expect(section).toContain("**Status code 429:**\n\nSlow down.");
    const get = text("presence_http_api").slice(0, text("presence_http_api").indexOf("PUT /_matrix"));
    expect(get).toContain(".. class:: operation-badges\n\n:badge-no-auth:`No auth`\n");
    expect(get).toContain("One of: [``online``, ``offline``].");
  });

  it("describes array and map responses by their types", () => {
    expect(text("presence_http_api")).toContain("The response body is of type [PresenceEvent].");
    expect(text("presence_http_api")).toContain(".. list-table:: PresenceEvent");
    expect(text("v2_sync_state_http_api")).toMatch(/\* - ``rooms``\n {5}- \{string: integer\}/);
  });

  it("orders msgtypes text, emote, notice, image, file, then the others sorted", () => {
    expect(titlesOf(text("msgtype_events"))).toEqual(["m.text", "m.emote", "m.notice", "m.image", "m.file", "m.audio", "m.location", "m.video"]);
  });

  it("orders the call events invite, candidates, answer, hangup", () => {
    expect(titlesOf(text("voip_events"))).toEqual(["m.call.invite", "m.call.candidates", "m.call.answer", "m.call.hangup"]);
  });

  it("puts in room_events the m.room events that are not variants and not placed on their own", () => {
    expect(titlesOf(text("room_events"))).toEqual(["m.room.member", "m.room.message", "m.room.name"]);
    const withoutUsed = buildVariables(loadSources(FIXTURE), { usedNames: new Set() });
    expect(titlesOf(withoutUsed.variables.get("room_events")!.text)).toEqual(["m.room.member", "m.room.message", "m.room.name", "m.room.topic"]);
  });

  it("says whether an event is a state event, with its state_key, and shows its example", () => {
    const topic = text("m_room_topic_event");
    expect(topic).toContain("*State Event*\n    ``state_key``: Always empty.");
    expect(topic).toContain(".. code:: json\n\n   {\"type\": \"m.room.topic\"");
    expect(text("m_call_invite_event")).toContain("*Message Event*");
  });

  it("tables the fields each core schema adds", () => {
    expect(text("common_room_event_fields")).toContain(".. list-table:: Room Event");
    expect(text("common_room_event_fields")).toContain("``room_id``");
    expect(text("common_room_event_fields")).not.toContain("``content``");
    expect(text("common_event_fields")).toMatch(/``type``\n {5}- string\n {5}- \*\*Required\.\*\* The type\./);
  });

  it("takes the version and changes from the newest CHANGELOG entry, line by line", () => {
    expect(text("spec_version")).toBe("v0.3.1\n");
    const changelog = fixture.variables.get("spec_changelog")!;
    expect(changelog.text).toBe("- One change.\n- Another change.\n");
    expect(changelog.origins).toEqual([
      { file: "CHANGELOG.rst", line: 4 },
      { file: "CHANGELOG.rst", line: 5 },
    ]);
  });

  it("gives table rows the file and line of the property they describe", () => {
    const value = fixture.variables.get("presence_http_api")!;
    const lines = value.text.split("\n");
    const row = lines.findIndex((l) => l.includes("``status.tags[0].name``"));
    expect(value.origins![row]).toEqual({ file: "api/client-server/v1/presence.yaml", line: 110 });
    expect(value.origins![row + 2]).toEqual({ file: "api/client-server/v1/presence.yaml", line: 112 });
  });

  it("assembles into a document whose generated titles resolve and whose tables parse", () => {
    const { config } = loadTargets(FIXTURE);
    const files = resolveTarget(config!, "main").files;
    const assembled = assemble(FIXTURE, files, config!.titleStyles);
    const substituted = substituteVariables(assembled.text, (n) => fixture.variables.get(n));
    const diagnostics = [...assembled.diagnostics, ...substituted.diagnostics, ...resolveRelativeTitles(substituted.text, config!.titleStyles, config!.relativeTitleStyles)];
    expect(diagnostics).toEqual([]);
    const doc = substituted.text.text;
    expect(doc).toMatch(/^GET \/\\?_matrix\/client\/api\/v1\/profile\/\{userId\}\/displayname\n~+$/m);
    expect(doc).toMatch(/^GET \/\\?_matrix\/client\/api\/v1\/displayname\/\{userId\}\n~+$/m);
    const tables = listTables(doc);
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.flatMap((t) => t.problems)).toEqual([]);
  });
});

describe("endpoint titles", () => {
  it("tells two endpoints with the same method and path apart", () => {
    const unit = (path: string) => ({ method: "POST", path, aliases: [] }) as unknown as EndpointUnit;
    const units = [unit("/rooms/{roomId}/invite"), unit("/rooms/{roomId}/invite"), unit("/rooms/{roomId}/join")];
    expect([...endpointTitles(units).values()]).toEqual(["POST /rooms/{roomId}/invite", "POST /rooms/{roomId}/invite (2)", "POST /rooms/{roomId}/join"]);
  });

  it("warns when x-alias canonical-link is not the id of the canonical section", () => {
    const root = copyFixture();
    const path = join(root, "api/client-server/v1/profile.yaml");
    const yaml = execFileSync("sed", ["s/get-matrix-client-api-v1-profile-userid-displayname/get-displayname/", path], { encoding: "utf8" });
    writeFileSync(path, yaml);
    const { diagnostics } = build(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "warning", code: "alias-canonical-link", file: "api/client-server/v1/profile.yaml", line: 29 });
  });
});

describe("the changelog", () => {
  it("fails with the changelog's diagnostics when the newest title is malformed", () => {
    const root = copyFixture();
    writeFileSync(join(root, "CHANGELOG.rst"), "Specification changes in v0.3 (2016-01-04)\n===========================================\n\n- A change.\n");
    const { variables, diagnostics } = build(root);
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([["error", "changelog-title", "CHANGELOG.rst", 1]]);
    expect(variables.get("spec_version")!.text).toBe("unknown\n");
  });

  it("does not take an older entry when the newest one is malformed", () => {
    const root = copyFixture();
    writeFileSync(
      join(root, "CHANGELOG.rst"),
      "Specification changes in v0.4.0 (2016-02-30)\n============================================\n\nNew.\n\nSpecification changes in v0.3.0 (2015-12-01)\n============================================\n\nOld.\n",
    );
    const { variables, diagnostics } = build(root);
    expect(diagnostics.map((d) => d.code)).toEqual(["changelog-date"]);
    expect(variables.get("spec_version")!.text).toBe("unknown\n");
  });

  it("fails when there is no changelog", () => {
    const root = copyFixture();
    rmSync(join(root, "CHANGELOG.rst"));
    expect(build(root).diagnostics.map((d) => [d.severity, d.code])).toEqual([["error", "changelog-missing"]]);
  });
});

describe("sources that cannot be loaded", () => {
  it("report where they are broken and still define their variables, empty", () => {
    const root = copyFixture();
    writeFileSync(join(root, "api/client-server/v1/profile.yaml"), "paths:\n  a: [\n");
    writeFileSync(join(root, "event-schemas/schema/v1/m.room.name"), "{\n  \"type\": \n");
    const { variables, diagnostics } = build(root);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["yaml-syntax", "api/client-server/v1/profile.yaml"],
      ["json-syntax", "event-schemas/schema/v1/m.room.name"],
    ]);
    expect(variables.get("profile_http_api")!.text).toBe("\n");
    expect(variables.get("m_room_name_event")!.text).toBe("\n");
    expect(titlesOf(variables.get("room_events")!.text)).toEqual(["m.room.member", "m.room.message"]);
  });
});

describe("git_version and git_rev", () => {
  it("are unknown outside a git checkout", () => {
    const { variables } = build(copyFixture());
    expect(variables.get("git_version")!.text).toBe("unknown\n");
    expect(variables.get("git_rev")!.text).toBe("unknown\n");
  });

  it("give the branch, the description from the last tag, the short commit and the dirty state", () => {
    const root = copyFixture();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" }).trim();
    try {
      git("init", "-q", "-b", "main");
    } catch {
      return; // no git on this machine: nothing to check
    }
    git("add", ".");
    git("commit", "-q", "-m", "one");
    git("tag", "v0.3.1");
    writeFileSync(join(root, "specification/index.rst"), "changed\n");
    git("commit", "-q", "-am", "two");
    const rev = git("rev-parse", "--short", "HEAD");
    expect(build(root).variables.get("git_version")!.text).toBe(`main v0.3.1-1-g${rev}\n`);
    writeFileSync(join(root, "specification/index.rst"), "changed again\n");
    const { variables } = build(root);
    expect(variables.get("git_version")!.text).toBe(`main v0.3.1-1-g${rev} (dirty)\n`);
    expect(variables.get("git_rev")!.text).toBe(`${rev}\n`);
    // A branch with a slash in its name, then no branch at all (a detached HEAD).
    git("checkout", "-q", "-b", "feature/rooms");
    expect(build(root).variables.get("git_version")!.text).toBe(`feature/rooms v0.3.1-1-g${rev} (dirty)\n`);
    git("checkout", "-q", "--detach");
    expect(build(root).variables.get("git_version")!.text).toBe(`v0.3.1-1-g${rev} (dirty)\n`);
  });
});

describe("matrix-doc vars", () => {
  it("lists every variable with its size", () => {
    const { lines, diagnostics } = listTemplateVariables(FIXTURE, {});
    expect(diagnostics).toEqual([]);
    expect(lines).toHaveLength(fixture.variables.size);
    const row = lines.find((l) => l.startsWith("spec_version "))!;
    expect(row).toMatch(/^spec_version\s+6  CHANGELOG.rst$/);
  });

  it("with --unused, lists the variables no source uses, counting events rendered by a used group as used", () => {
    expect(listTemplateVariables(FIXTURE, { unused: true }).lines).toEqual(["v2_sync_state_http_api", "m_typing_event"]);
  });

  it("counts the howto as a source, and an event used only through an unused group as unused", () => {
    const root = copyFixture();
    writeFileSync(join(root, "supporting-docs/howtos/client-server.rst"), "Nothing here.\n");
    writeFileSync(join(root, "specification/index.rst"), "Title\n=====\n\n{{ m_room_topic_event }} {{voip_events}}\n");
    const unused = listTemplateVariables(root, { unused: true }).lines;
    expect(unused).toContain("common_state_event_fields");
    expect(unused).toContain("m_presence_event");
    expect(unused).toContain("m_room_name_event");
    expect(unused).not.toContain("m_room_topic_event");
    expect(unused).not.toContain("m_call_invite_event");
    expect(unused).not.toContain("voip_events");
  });

  it("is a usage error for an unknown target", () => {
    const result = listTemplateVariables(FIXTURE, { target: "nope" });
    expect(result.usage).toBe(true);
    expect(result.diagnostics[0].code).toBe("unknown-target");
  });

  it("finds no unused variable in the repository's own sources", () => {
    const repo = resolve(import.meta.dirname, "../..");
    const result = listTemplateVariables(repo, { unused: true });
    expect(result.lines).toEqual([]);
  });
});
