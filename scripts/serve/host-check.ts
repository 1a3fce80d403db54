// Which `Host` headers the preview answers, against DNS rebinding (a page on
// another site whose name is made to resolve to this machine): like Vite's dev
// server, names other than `localhost` (and `*.localhost`) and the address it was
// told to bind are refused; IP literals are allowed, since no DNS is involved.
import { isIP } from "node:net";

/** The host name of a `Host` header, without port or IPv6 brackets, lowercased. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end === -1 ? h : h.slice(1, end);
  }
  const colon = h.lastIndexOf(":");
  return colon === -1 ? h : h.slice(0, colon);
}

/** Whether a request with this `Host` header is answered; `bound` is the address the server was given. */
export function allowedHost(header: string | undefined, bound: string): boolean {
  if (header === undefined) return true; // HTTP/1.0 without Host: not a browser on another site
  const name = hostName(header).replace(/\.$/, "");
  if (name === "") return false;
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name)) return true;
  return name === hostName(bound).replace(/\.$/, "");
}

/** Whether an address to bind stays on this machine. */
export function isLoopback(host: string): boolean {
  const name = hostName(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return name === "localhost" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "::ffff:127.0.0.1";
}
