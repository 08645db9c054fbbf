import { Agent, EnvHttpProxyAgent, fetch, ProxyAgent, type Dispatcher } from 'undici';

/**
 * Fetches a web page for clipping: through the proxy VS Code is set to use
 * (or the HTTP(S)_PROXY environment variables when it names none), within
 * a time and size limit, and only when the answer is a web page. Every
 * failure is a `PageFetchError` whose message is one line a user can act on.
 */

export interface PageFetchOptions {
  /** VS Code's `http.proxy`, e.g. `http://proxy.example:3128`. */
  readonly proxy?: string;
  /** VS Code's `http.proxyStrictSSL`: false accepts a proxy's or server's self-signed certificate. */
  readonly strictSSL?: boolean;
  /** VS Code's `http.proxyAuthorization`: the Proxy-Authorization header's value. */
  readonly proxyAuthorization?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export interface FetchedPage {
  readonly html: string;
  /** Where the page was found, after redirects. */
  readonly url: string;
}

export class PageFetchError extends Error {}

const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;

export async function fetchPage(address: string, options: PageFetchOptions = {}): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new PageFetchError(`"${address.slice(0, 200)}" is not a web address (it should start with https:// or http://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PageFetchError(`${url.protocol} addresses cannot be clipped; use an https:// or http:// address`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const dispatcher = dispatcherFor(options);
  try {
    return await fetchWith(url, dispatcher, timeoutMs, maxBytes);
  } finally {
    // The dispatcher is this fetch's alone.
    await dispatcher?.close().catch(() => undefined);
  }
}

async function fetchWith(url: URL, dispatcher: Dispatcher | undefined, timeoutMs: number, maxBytes: number): Promise<FetchedPage> {
  const host = url.host;
  let response: Awaited<ReturnType<typeof fetch>>;
  try {
    response = await fetch(url, {
      dispatcher,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'user-agent': 'Mozilla/5.0 (compatible; Briefing clipper; VS Code)' },
    });
  } catch (error) {
    throw new PageFetchError(describeFailure(error, host, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new PageFetchError(`${host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.pathname}`);
  }
  const type = response.headers.get('content-type') ?? '';
  const mime = type.split(';')[0].trim().toLowerCase();
  if (mime && mime !== 'text/html' && mime !== 'application/xhtml+xml') {
    await response.body?.cancel().catch(() => undefined);
    throw new PageFetchError(`${url.href.slice(0, 200)} is not a web page (${mime}); download it and add the file instead`);
  }
  const bytes = await readLimited(response, maxBytes, host, timeoutMs);
  const html = decodePage(bytes, type);
  if (!mime && !/<(html|body|p|div|article)[\s>]/i.test(html.slice(0, 65536))) throw new PageFetchError(`${url.href.slice(0, 200)} did not answer with a web page`);
  return { html, url: response.url || url.href };
}

function dispatcherFor(options: PageFetchOptions): Dispatcher | undefined {
  const tls = options.strictSSL === false ? { rejectUnauthorized: false } : undefined;
  if (options.proxy) {
    return new ProxyAgent({
      uri: options.proxy,
      ...(options.proxyAuthorization ? { token: options.proxyAuthorization } : {}),
      ...(tls ? { requestTls: tls, proxyTls: tls } : {}),
    });
  }
  if (process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy) return new EnvHttpProxyAgent(tls ? { connect: tls } : {});
  return tls ? new Agent({ connect: tls }) : undefined;
}

async function readLimited(response: Awaited<ReturnType<typeof fetch>>, maxBytes: number, host: string, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new PageFetchError(`the page at ${host} is ${Math.round(declared / 1024 / 1024)} MB, more than the ${Math.round(maxBytes / 1024 / 1024)} MB a clipping may be`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new PageFetchError(`the page at ${host} is more than the ${Math.round(maxBytes / 1024 / 1024)} MB a clipping may be`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof PageFetchError) throw error;
    throw new PageFetchError(describeFailure(error, host, timeoutMs));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The page's text in the charset its header or its `<meta charset>` names (UTF-8 otherwise). */
function decodePage(bytes: Uint8Array, contentType: string): string {
  const fromHeader = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // An unknown charset name: try the next.
    }
  }
  return new TextDecoder().decode(bytes);
}

function describeFailure(error: unknown, host: string, timeoutMs: number): string {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `could not find ${host} (no such host, or no network)`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `${host} closed the connection`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `${host} did not answer in time`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `${host}'s certificate is not trusted (${code}); see the http.proxyStrictSSL setting`;
    default:
      return `could not fetch the page from ${host} (${code ?? cause?.message ?? (error as Error)?.message ?? 'unknown error'})`;
  }
}
