/**
 * The environment, parsed and validated once at start (docs/contract.md, "Environment").
 * A bad value stops the program with a message naming the variable.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { BUILT_IN_SETTINGS, checkSetting, EARLIEST_BASELINE_DATE, MAX_COUNTY_NAME_LENGTH, NUMBER_LIMITS, SETTING_KEYS, SETTING_VARIABLES, type SettingKey, type SettingProblem, type Settings } from "./core/settings.ts";

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const EnvSchema = z
  .object({
    PORT: z.coerce
      .number({ message: "must be a port number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .default(3000),
    HOST: z
      .string()
      .regex(/^[0-9a-fA-F.:]+$|^localhost$/, "must be an IP address or localhost")
      .default("127.0.0.1"),
    DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
    MEILI_URL: z.url({ message: "must be a URL such as http://127.0.0.1:7700" }).optional(),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    DEMO_DATA: z.enum(["0", "1", "registry"], { message: "must be 0, 1 or registry" }).default("1"),
    PUBLIC_URL: z
      .url({ message: "must be the address people open, such as https://jiuye.example.gov.cn" })
      .regex(/^https?:\/\//, "must start with http:// or https://")
      .optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    KEPT_RESPONSES: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
  })
  .refine((env) => !(env.MEILI_URL && !env.MEILI_MASTER_KEY), {
    message: "must be set when MEILI_URL is set",
    path: ["MEILI_MASTER_KEY"],
  });

export interface Env {
  port: number;
  host: string;
  dataDir: string;
  /** An external search engine; when absent the bundled one is started. */
  meili?: { url: string; masterKey: string };
  demoData: boolean;
  /** With the demo county, its subsidy ledger too (DEMO_DATA=registry leaves the ledger empty). */
  demoSubsidies: boolean;
  logLevel: LogLevel;
  /**
   * Keep anonymous results pages and jobs API answers for the next identical request
   * (src/http/kept-responses.ts; KEPT_RESPONSES=0 turns it off, for a benchmark's baseline).
   */
  keptResponses: boolean;
  /** The address people reach the platform at (for QR codes); default: the address a request came to. */
  publicUrl?: string;
  /**
   * The settings' defaults (COUNTY_NAME, COUNTY_PROVINCE, BASELINE_DATE, RISK_INCOME_LINE_MONTHLY,
   * ALERT_OVERDUE_DAYS, NOTICE_DAYS); an admin may override each on /bureau/settings.
   */
  settings: Settings;
}

/** Why a setting's variable is refused, in the words of the environment's other messages. */
function settingProblemText(key: SettingKey, problem: SettingProblem): string {
  switch (problem) {
    case "required":
      return "must not be empty";
    case "tooLong":
      return `must be at most ${MAX_COUNTY_NAME_LENGTH} characters`;
    case "badText":
      return "must be a name in letters, such as 横峰县";
    case "unknownProvince":
      return "must be a province written in full, such as 江西省 or 广西壮族自治区";
    case "badDate":
      return "must be a date YYYY-MM-DD";
    case "tooEarly":
      return `must not be before ${EARLIEST_BASELINE_DATE}`;
    case "afterToday":
      return "must not be after today";
    case "notWhole":
    case "outOfRange": {
      const limits = NUMBER_LIMITS[key as keyof typeof NUMBER_LIMITS];
      return `must be a whole number from ${limits.min} to ${limits.max}`;
    }
  }
}

/** The settings' defaults from the environment, and a line per bad variable. */
function settingsFromEnv(present: Record<string, string | undefined>): { settings: Settings; lines: string[] } {
  const settings: Record<string, string | number> = { ...BUILT_IN_SETTINGS };
  const lines: string[] = [];
  for (const key of SETTING_KEYS) {
    const name = SETTING_VARIABLES[key];
    const raw = present[name];
    if (raw === undefined) continue;
    const checked = checkSetting(key, raw);
    if (checked.ok) settings[key] = checked.value;
    else lines.push(`${name} ${settingProblemText(key, checked.problem)} (got "${raw}")`);
  }
  return { settings: settings as unknown as Settings, lines };
}

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Parses the environment; throws an EnvError whose message names every bad variable.
 * @example const env = parseEnv(process.env);
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as it does in a shell `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(present);
  const fromEnv = settingsFromEnv(present);
  if (!result.success || fromEnv.lines.length > 0) {
    const lines = (result.success ? [] : result.error.issues).map((issue) => {
      const name = issue.path.join(".") || "environment";
      const value = source[name];
      const shown = name === "MEILI_MASTER_KEY" || value === undefined ? "" : ` (got "${value}")`;
      return `${name} ${issue.message}${shown}`;
    });
    lines.push(...fromEnv.lines);
    throw new EnvError(`Invalid environment:\n  ${lines.join("\n  ")}`);
  }
  const env = result.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    ...(env.MEILI_URL && env.MEILI_MASTER_KEY
      ? { meili: { url: env.MEILI_URL.replace(/\/$/, ""), masterKey: env.MEILI_MASTER_KEY } }
      : {}),
    demoData: env.DEMO_DATA !== "0",
    demoSubsidies: env.DEMO_DATA === "1",
    logLevel: env.LOG_LEVEL,
    keptResponses: env.KEPT_RESPONSES === "1",
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/$/, "") } : {}),
    settings: fromEnv.settings,
  };
}

/**
 * `parseEnv` at a program's start: a bad setting is written to stderr (the EnvError's message) and
 * gives undefined, so the caller exits with its usage code (2).
 * @example const env = parseEnvOrReport(process.env); if (!env) process.exit(2);
 */
export function parseEnvOrReport(source: Record<string, string | undefined>): Env | undefined {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(error.message + "\n");
    return undefined;
  }
}
