import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP (30 s steps, 6 digits), as authenticator apps use; one step of clock drift tolerated. */
export const totp = {
  newSecret: (): string => generateSecret(),
  uri: (secret: string, username: string): string => generateURI({ issuer: 'Rasd', label: username, secret }),
  async check(secret: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
  },
};
