// Compiled with tsc --strict against the types openapi-typescript makes of docgen's
// OpenAPI output: an "any value" field must take a real object, a list and null.
import type { components } from "./errors";

type RpcError = components["schemas"]["web3-api.JsonRpcError"];
const withObject: RpcError = { code: -32000, message: "server error", data: { retryAfter: 3, hints: ["a"] } };
const withNull: RpcError = { code: -32000, message: "server error", data: null };

type PlatformError = components["schemas"]["platform-api.Error"];
type FieldError = NonNullable<PlatformError["errors"]>[number];
const field: FieldError = { field: "title", message: "required", value: { nested: [1, "two"] } };

export const all = [withObject, withNull, field];
