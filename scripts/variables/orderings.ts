// The orders in which the spec lists endpoints and events, where they are not
// simply alphabetical (the orders of the original toolchain).

/** Paths (as keyed under `paths`, without the base path) listed first in a group, in this order. */
export const ENDPOINT_ORDER: Readonly<Record<string, readonly string[]>> = {
  presence: ["/presence/{userId}/status"],
  profile: ["/profile/{userId}/displayname", "/profile/{userId}/avatar_url"],
};

/** The m.room.message variants listed first by `msgtype_events`; the rest follow sorted. */
export const MSGTYPE_ORDER: readonly string[] = ["m.text", "m.emote", "m.notice", "m.image", "m.file"];

/** The events of `voip_events`, in call order. */
export const VOIP_EVENTS: readonly string[] = ["m.call.invite", "m.call.candidates", "m.call.answer", "m.call.hangup"];

/** The events of `presence_events`. */
export const PRESENCE_EVENTS: readonly string[] = ["m.presence"];

/**
 * Sorts items by path, with the paths of `first` ahead in that order. The sort is
 * stable, so the methods of one path keep the order they were loaded in.
 */
export function sortByPath<T>(items: readonly T[], pathOf: (item: T) => string, first: readonly string[] = []): T[] {
  const rank = (p: string) => {
    const i = first.indexOf(p);
    return i === -1 ? first.length : i;
  };
  return [...items].sort((a, b) => {
    const pa = pathOf(a);
    const pb = pathOf(b);
    return rank(pa) - rank(pb) || (pa < pb ? -1 : pa > pb ? 1 : 0);
  });
}

/** The msgtype variants in the order of MSGTYPE_ORDER, then the others sorted. */
export function sortMsgtypes<T>(items: readonly T[], variantOf: (item: T) => string): T[] {
  return sortByPath(items, variantOf, MSGTYPE_ORDER);
}
