/**
 * Optional v4 routes for catalogue lookups: the atlas password grant (`POST /auth/`) and
 * `GET /v4/skus?account=…` with `Authorization: Bearer <access_token>`. Responses are JSON only.
 */

import { randomUUID } from 'node:crypto';
import type { Account } from './account';
import type { RenderedBody } from './response';

/** Lifetime of an access token, in seconds, as in JOOR's example token response. */
export const ACCESS_TOKEN_SECONDS = 36_000;

/** JOOR's fixed v4 trait ids for colour and size. */
const COLOR_TRAIT_ID = 'U0tVVHJhaXQ6U3R5bGVDb2xvcg==';
const SIZE_TRAIT_ID = 'U0tVVHJhaXQ6U2l6ZQ==';

export function json(value: unknown): RenderedBody {
  return { text: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

/**
 * Runs the password grant against the seed's `v4Credentials`. Accepts form-urlencoded bodies only.
 * Returns the status and body, and stores the new token with its expiry in `accessTokens`.
 */
export function handleAtlasAuth(
  account: Account,
  body: string,
  nowMs: number,
  accessTokens: Map<string, number>,
): { status: number; body: RenderedBody } {
  const form = new URLSearchParams(body);
  const expected = account.v4Credentials;
  const matches =
    expected !== undefined &&
    form.get('grant_type') === 'password' &&
    form.get('client_id') === expected.clientId &&
    form.get('client_secret') === expected.clientSecret &&
    form.get('username') === expected.username &&
    form.get('password') === expected.password;
  if (!matches) {
    return {
      status: 401,
      body: json({ error: 'invalid_grant', error_description: 'Invalid user credentials' }),
    };
  }
  const accessToken = randomUUID();
  accessTokens.set(accessToken, nowMs + ACCESS_TOKEN_SECONDS * 1000);
  return {
    status: 200,
    body: json({
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_expires_in: 7_776_000,
      refresh_token: randomUUID(),
      token_type: 'Bearer',
      'not-before-policy': 0,
      session_state: randomUUID(),
      scope: 'profile email',
    }),
  };
}

/** Returns whether `header` is `Bearer <token>` for a token issued by the grant and not yet expired. */
export function isBearerAuthorized(
  header: string | undefined,
  nowMs: number,
  accessTokens: Map<string, number>,
): boolean {
  const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
  const expiresAtMs = token === undefined ? undefined : accessTokens.get(token);
  return expiresAtMs !== undefined && nowMs < expiresAtMs;
}

/** Lists the catalogue as v4 SKUs with UPC identifiers and colour and size trait values. */
export function handleV4Skus(
  account: Account,
  query: URLSearchParams,
): { status: number; body: RenderedBody } {
  if (query.get('account') !== account.accountId) {
    const message = `account ${JSON.stringify(query.get('account'))} is not the account of this token`;
    return { status: 403, body: json({ data: [], errors: [{ status: 'FORBIDDEN', message, details: {} }] }) };
  }
  const data = account.catalogue.map((sku) => ({
    id: `${sku.style_color_id}-${sku.size_code}`,
    product_id: String(sku.style_id),
    identifiers: sku.upc === undefined ? [] : [{ type: 'upc', value: sku.upc }],
    trait_values: [
      { trait_id: COLOR_TRAIT_ID, value: sku.color_code, external_id: sku.color_code },
      { trait_id: SIZE_TRAIT_ID, value: sku.size, external_id: sku.size_code },
    ],
  }));
  return { status: 200, body: json({ data, errors: [] }) };
}
