import {
  Configuration,
  ContactCardApi,
  type ErrorResponse,
  ErrorResponseFromJSON,
  ResponseError,
} from '../target/generated-sources/contact-card';

/** The production base URL, as the spec's first server names it. */
export const PRODUCTION = 'https://api.linqapp.com/api/partner';

/**
 * The only hand-written code a TypeScript team needs around the client typescript-fetch makes from
 * the Contact Card spec: where to send requests, which key to send, and a timeout (fetch has none).
 */
export function contactCardApi(baseUrl: string, apiKey: string): ContactCardApi {
  return new ContactCardApi(
    new Configuration({
      basePath: baseUrl,
      accessToken: async () => apiKey,
      fetchApi: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }),
    }),
  );
}

/** The documented error envelope of a refused call: `error.code` is what to branch on. */
export async function errorOf(refused: unknown): Promise<{ status: number; envelope: ErrorResponse }> {
  if (!(refused instanceof ResponseError)) {
    throw refused;
  }
  return { status: refused.response.status, envelope: ErrorResponseFromJSON(await refused.response.json()) };
}
