// The one rule that says whether an API change is breaking: whether a client
// or server written against the old version can stop working with the new one.
//
//   - Anything removed is breaking: an operation, a parameter, a field of a
//     request, of a response or of an event's content, an event type, a
//     success (2xx) response. (An error response no longer listed is not.)
//   - Anything retyped is breaking.
//   - What a client sends (parameters, request fields): a new field or
//     parameter is breaking only when it is required; making one required is
//     breaking, making one optional is not.
//   - What a client receives (response fields): a new field is never breaking,
//     whether required or not; making one optional is breaking (readers may rely
//     on it), making one required is not.
//   - Event content is both sent and received: a new field is breaking only when
//     required, and making a field required or optional are both breaking.
//   - New operations, event types and responses are not breaking.
export type ChangeKind = "added" | "removed" | "retyped" | "made-required" | "made-optional";
/** Where the changed thing sits, which decides the direction it travels. */
export type ChangeArea = "operation" | "parameter" | "request" | "response" | "response-status" | "event" | "event-field";

export function isBreaking(area: ChangeArea, kind: ChangeKind, options: { required?: boolean; status?: string } = {}): boolean {
  if (kind === "removed") return area === "response-status" ? /^2/.test(options.status ?? "") : true;
  if (kind === "retyped") return true;
  switch (area) {
    case "parameter":
    case "request":
      return kind === "made-required" || (kind === "added" && Boolean(options.required));
    case "response":
      return kind === "made-optional";
    case "event-field":
      return kind === "made-required" || kind === "made-optional" || (kind === "added" && Boolean(options.required));
    default:
      return false;
  }
}
