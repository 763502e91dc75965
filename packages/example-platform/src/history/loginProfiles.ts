import {
  hashString,
  pickOne,
  pickWeighted,
  RandomSource,
  seededRandom,
} from '../traffic/random';

/** Where a login attempt comes from. */
export interface LoginSource {
  ip: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  userAgent: string;
}

/** How a user usually logs in: a few sources, at office hours of a time zone. */
export interface LoginProfile {
  /** The user's usual sources with their weights (most logins come from the first). */
  usual: Array<LoginSource & { weight: number }>;
  /** Offset of the user's local time from UTC, in hours. */
  utcOffsetHours: number;
}

interface RegionHome {
  countries: [string, ...string[]];
  utcOffsetHours: number;
}

/** Countries and time zone of the people of a tenant, by the tenant's region. */
const REGION_HOMES: Record<string, RegionHome> = {
  'eu-west-1': { countries: ['IE', 'GB'], utcOffsetHours: 0 },
  'eu-central-1': { countries: ['DE', 'AT'], utcOffsetHours: 1 },
  'us-east-1': { countries: ['US', 'CA'], utcOffsetHours: -5 },
  'us-west-1': { countries: ['US'], utcOffsetHours: -8 },
  'us-west-2': { countries: ['US'], utcOffsetHours: -8 },
  'ap-southeast-2': { countries: ['AU', 'NZ'], utcOffsetHours: 10 },
};

const DEFAULT_HOME: RegionHome = { countries: ['US'], utcOffsetHours: 0 };

/** Offset from UTC of the office hours of a tenant's region, in hours. */
export function regionUtcOffsetHours(region: string): number {
  return (REGION_HOMES[region] ?? DEFAULT_HOME).utcOffsetHours;
}

/** Browsers people use. */
export const BROWSER_USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];

/** Clients credential-stuffing scripts use. */
export const SCRIPT_USER_AGENTS = ['python-requests/2.32.3', 'curl/8.5.0'];

/** Countries none of the seeded users live in. */
export const UNUSUAL_COUNTRIES = ['RU', 'CN', 'BR', 'NG', 'VN', 'RO'];

/*
 * Addresses come from the documentation ranges of RFC 5737 so they never
 * point at anyone: 192.0.2.0/24 and 198.51.100.0/24 for usual sources,
 * 203.0.113.0/24 for unusual ones.
 */
const USUAL_NETS = ['192.0.2', '198.51.100'];
const UNUSUAL_NET = '203.0.113';

/**
 * The usual login sources of a user: one or two countries of the tenant's
 * region, a home and an office address, one or two browsers. Deterministic
 * per user id, so seeded history and live traffic agree.
 */
export function loginProfileOf(userId: string, region: string): LoginProfile {
  const random = seededRandom(hashString(userId));
  const home = REGION_HOMES[region] ?? DEFAULT_HOME;
  const [firstUa, secondUa] = shuffled(random, BROWSER_USER_AGENTS);
  const octet = () => 1 + Math.floor(random() * 254);
  const usual: LoginProfile['usual'] = [
    {
      ip: `${USUAL_NETS[0]}.${octet()}`,
      country: home.countries[0],
      userAgent: firstUa,
      weight: 6,
    },
    {
      ip: `${USUAL_NETS[1]}.${octet()}`,
      country: home.countries[0],
      userAgent: random() < 0.5 ? secondUa : firstUa,
      weight: 3,
    },
  ];
  if (home.countries.length > 1 && random() < 0.4) {
    usual.push({
      ip: `${USUAL_NETS[1]}.${octet()}`,
      country: home.countries[1],
      userAgent: firstUa,
      weight: 1,
    });
  }
  return { usual, utcOffsetHours: home.utcOffsetHours };
}

/** One of the profile's usual sources, by weight. */
export function pickUsualSource(
  random: RandomSource,
  profile: LoginProfile,
): LoginSource {
  const { ip, country, userAgent } = pickWeighted(
    random,
    profile.usual,
    s => s.weight,
  )!;
  return { ip, country, userAgent };
}

/** A source in a country none of the users live in, usually a script. */
export function pickUnusualSource(random: RandomSource): LoginSource {
  return {
    ip: `${UNUSUAL_NET}.${1 + Math.floor(random() * 254)}`,
    country: pickOne(random, UNUSUAL_COUNTRIES)!,
    userAgent:
      random() < 0.7
        ? pickOne(random, SCRIPT_USER_AGENTS)!
        : pickOne(random, BROWSER_USER_AGENTS)!,
  };
}

function shuffled<T>(random: RandomSource, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
