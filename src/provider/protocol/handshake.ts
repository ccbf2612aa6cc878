/**
 * go-plugin's launch contract, checked before anything else happens: the
 * magic cookie, the protocol versions on offer, and the one stdout line
 * that tells Terraform where and how to connect.
 */

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's own ("core") protocol version, first field of the handshake line. */
const CORE_PROTOCOL_VERSION = 1;
const PLUGIN_PROTOCOL_VERSION = 6;

export type LaunchCheck = { ok: true } | { ok: false; message: string };

export function checkLaunchEnvironment(env: NodeJS.ProcessEnv, name: string): LaunchCheck {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return {
      ok: false,
      message:
        `This binary is a plugin. These are not meant to be executed directly.\n` +
        `Please execute the program that consumes these plugins, which will\n` +
        `load any plugins automatically (${name} is a Terraform provider: run terraform).\n`,
    };
  }
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (offered.length > 0 && !offered.includes(String(PLUGIN_PROTOCOL_VERSION))) {
    return {
      ok: false,
      message:
        `${name} speaks plugin protocol ${PLUGIN_PROTOCOL_VERSION}, but this Terraform offers only ` +
        `${offered.join(', ')}. Use Terraform 1.0 or later.\n`,
    };
  }
  return { ok: true };
}

export type Endpoint = { network: 'tcp'; host: string; port: number } | { network: 'unix'; path: string };

/** `1|6|tcp|127.0.0.1:PORT|grpc|CERT`, CERT being DER in base64 without padding (empty when TLS is off). */
export function handshakeLine(endpoint: Endpoint, certificateDer: Buffer | undefined): string {
  const address = endpoint.network === 'tcp' ? `${endpoint.host}:${endpoint.port}` : endpoint.path;
  const cert = certificateDer ? certificateDer.toString('base64').replace(/=+$/, '') : '';
  return `${CORE_PROTOCOL_VERSION}|${PLUGIN_PROTOCOL_VERSION}|${endpoint.network}|${address}|grpc|${cert}\n`;
}
