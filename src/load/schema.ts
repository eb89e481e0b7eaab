import * as z from 'zod';

const recipients = z.union([
  z.string().trim().min(1, 'Expected recipients, got an empty string'),
  z.array(z.string().trim().min(1, 'Expected a recipient, got an empty string')).min(1, 'Expected at least one recipient'),
]);

/**
 * Role → recipients, in print order. A record built by zod has no own key `__proto__` (it leaves
 * one out without a word), so a role of that name is reported at its key rather than lost.
 */
function roles<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (input, context) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        context.issues.push({
          code: 'custom',
          input,
          path: ['__proto__'],
          message:
            'Unexpected role “__proto__”, a name the program keeps for itself, which would drop the role from the 版记; name it as the 版记 prints it (报送, 发送, 抄送)',
          params: { ruleId: 'frontmatter-schema' },
        });
      }
      return input;
    },
    z.record(z.string().min(1), value),
  );
}

/** Role → recipients, in print order (报送, 发送, 抄送, …). */
const distribution = roles(recipients);

/**
 * An issue's roles over the series': a role left empty (`抄送:`, or `~`) is one this issue does
 * not have, so the series' recipients for it are not printed.
 */
const issueDistribution = roles(
  z.union(
    [
      z.null(),
      z
        .array(z.never())
        .length(0)
        .transform(() => null),
      recipients,
    ],
    {
      error: 'Expected recipients: a name, a list of names, or nothing after the role (`抄送:`) for an issue without it',
    },
  ),
);

/** Font families an office has installed, put before the bundled faces in print. */
const families = z.array(z.string().trim().min(1, 'Expected a font family or font file, got an empty value')).optional();

export const seriesSchema = z.strictObject({
  title: z.string().trim().min(1, 'Expected the series title, such as 梅州市城镇老旧小区改造工作简报, got an empty value'),
  issuer: z.string().trim().min(1, 'Expected the issuing office, such as 梅州市住房和城乡建设局, got an empty value'),
  // The site's address becomes the feed, sitemap and canonical links, so only http(s) will do;
  // any host name, so an intranet's `http://10.1.2.3/` or `http://oa/` still works.
  url: z.url({
    protocol: z.regexes.httpProtocol,
    hostname: z.regexes.hostname,
    error: (issue) => `Expected an http: or https: address such as https://example.org/jianbao/, got ${String(issue.input)}`,
  }),
  distribution: distribution.default({}),
  fonts: z.strictObject({ body: families, title: families, heading: families, kai: families }).default({}),
  // Many offices number 增刊 outside the 总第N期 count, so by default a supplement's total stands apart.
  'supplements-count-in-total': z.boolean().default(false),
  // Off by default: a date in the next year is then the typo it usually is (see `dateInYear`).
  'year-end-in-next-year': z.boolean().default(false),
});

/**
 * What to write for a date in another form that names its year, month and day (`2023-2-3`,
 * `2023/06/10`, `2023年6月10日`, `2023.6.10`): the same date as YYYY-MM-DD.
 */
function dateHint(input: unknown): string {
  const parts = typeof input === 'string' ? /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(input) : null;
  if (!parts) return '';
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  return onCalendar(y, m, d) ? `: write ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : ' that exists on the calendar';
}

function onCalendar(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `Expected a date as YYYY-MM-DD${dateHint(issue.input)}`, abort: true })
  .refine((value) => !value.startsWith('0'), { message: 'Expected a year of 4 digits, such as 2021-11-29', abort: true })
  .refine((value) => onCalendar(...(value.split('-').map(Number) as [number, number, number])), 'Expected a date that exists on the calendar');

const positive = z.number().int('Expected a whole number').positive('Expected a number from 1 up');

/** Four digits: a year written `21` is not 2021. */
const year = z
  .number()
  .int('Expected a whole number')
  .min(1000, 'Expected a year of 4 digits, such as 2021')
  .max(9999, 'Expected a year of 4 digits, such as 2021');

/**
 * A special issue's name (`防汛专刊`). An empty one is its own mistake, reported at the key
 * with `special-empty`: the masthead would print an empty line.
 */
const special = z
  .string()
  .nullable()
  .refine((value) => value !== null && value.trim() !== '', {
    message: 'Expected the special issue’s name, such as 防汛专刊, got an empty value; write its name, or delete `special` for an ordinary issue',
    params: { ruleId: 'special-empty' },
  })
  .transform((value) => value!.trim())
  .optional();

/**
 * The date in the issue's year. A series whose last issue of a year is often sent out in the
 * next (the December figures of a monthly bulletin, `2023年第12期` dated 2024-01-05, or in
 * February after a Spring Festival) sets `year-end-in-next-year`, and its issues may be dated up
 * to the end of February of the next year, with a warning (`numbering-date-next-year`, see
 * check-numbering.ts): such a date is also how a new year's first issue looks with last year's
 * `year` left in it.
 */
function dateInYear(yearEnd: boolean): [(fm: { date: string; year: number }) => boolean, { message: string; path: string[] }] {
  const message = yearEnd
    ? 'Expected the date to fall in the issue’s year, or by the end of February of the next (`year-end-in-next-year`)'
    : 'Expected the date to fall in the issue’s year';
  return [(fm) => dateFitsYear(fm.date, fm.year, yearEnd), { message, path: ['date'] }];
}

/** The last month of the next year a year's last issue may be dated in (see `dateInYear`). */
const LATEST_MONTH = '02';

/**
 * Whether an issue of `year` may be dated `date` (YYYY-MM-DD): in its year, or with `yearEnd`
 * (`year-end-in-next-year`) in the first two months of the next too.
 */
export function dateFitsYear(date: string, year: number, yearEnd: boolean): boolean {
  return date.startsWith(`${year}-`) || (yearEnd && date.startsWith(`${year + 1}-`) && date.slice(5, 7) <= LATEST_MONTH);
}

/** The keys after the numbering, in the order messages about them are given. */
const rest = {
  date: isoDate,
  title: z
    .string()
    .trim()
    .min(1, 'Expected this issue’s own series title, got an empty value; write it, or delete `title` to print bulletin.yaml’s')
    .optional(),
  issuer: z
    .string()
    .trim()
    .min(1, 'Expected this issue’s own issuing office, got an empty value; write it, or delete `issuer` to print bulletin.yaml’s')
    .optional(),
  distribution: issueDistribution.optional(),
  special,
};

/**
 * A regular issue: `number` in the year's 第N期 sequence and `total` in the 总第N期 one; dated as
 * `year-end-in-next-year` (`yearEnd`) allows.
 */
export function frontmatterSchema(yearEnd: boolean) {
  return yearEnd ? REGULAR_YEAR_END : REGULAR;
}

const regularSchema = (yearEnd: boolean) => z.strictObject({ year, number: positive, total: positive, ...rest }).refine(...dateInYear(yearEnd));
// Made once each, not an issue at a time.
const REGULAR = regularSchema(false);
const REGULAR_YEAR_END = regularSchema(true);

/**
 * A 增刊 (`supplement: N` in place of `number`): numbered 1, 2, … per year on its own. Its
 * `total` is required only when the series counts supplements in the total; dated as a regular issue.
 */
export function supplementSchema(countInTotal: boolean, yearEnd: boolean) {
  return z
    .strictObject({
      year,
      supplement: positive,
      total: countInTotal ? positive : positive.optional(),
      // Present only to be reported at its key with its own rule id, not as an unknown key.
      number: z
        .unknown()
        .refine((value) => value === undefined, {
          message:
            'Expected `supplement` or `number`, not both: a 增刊 is numbered outside the year’s 第N期 sequence; delete `number` for a supplement, or `supplement` for a regular issue',
          params: { ruleId: 'supplement-with-number' },
        })
        .optional(),
      ...rest,
    })
    .refine(...dateInYear(yearEnd));
}
