import { z } from 'zod';

const recipients = z.union([
  z.string().trim().min(1, 'Expected recipients, got an empty string'),
  z.array(z.string().trim().min(1, 'Expected a recipient, got an empty string')).min(1, 'Expected at least one recipient'),
]);

/** Role → recipients, in print order (报送, 发送, 抄送, …). */
const distribution = z.record(z.string().min(1), recipients);

/** Font families an office has installed, put before the bundled faces in print. */
const families = z.array(z.string().trim().min(1)).optional();

export const seriesSchema = z.strictObject({
  title: z.string().trim().min(1),
  issuer: z.string().trim().min(1),
  // The site's address becomes the feed, sitemap and canonical links, so only http(s) will do;
  // any host name, so an intranet's `http://10.1.2.3/` or `http://oa/` still works.
  url: z.url({
    protocol: z.regexes.httpProtocol,
    hostname: z.regexes.hostname,
    error: (issue) => `Expected an http: or https: address such as https://example.org/jianbao/, got ${String(issue.input)}`,
  }),
  distribution: distribution.default({}),
  fonts: z.strictObject({ body: families, title: families, heading: families, kai: families }).default({}),
});

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a date as YYYY-MM-DD', abort: true })
  .refine((value) => !value.startsWith('0'), { message: 'Expected a year of 4 digits, such as 2021-11-29', abort: true })
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Expected a date that exists on the calendar');

const positive = z.number().int('Expected a whole number').positive('Expected a number from 1 up');

/** Four digits: a year written `21` is not 2021. */
const year = z.number().int('Expected a whole number').min(1000, 'Expected a year of 4 digits, such as 2021').max(9999, 'Expected a year of 4 digits, such as 2021');

export const frontmatterSchema = z
  .strictObject({
    year,
    number: positive,
    total: positive,
    date: isoDate,
    title: z.string().trim().min(1).optional(),
    issuer: z.string().trim().min(1).optional(),
    distribution: distribution.optional(),
  })
  .refine((fm) => fm.date.startsWith(`${fm.year}-`), {
    message: 'Expected the date to fall in the issue’s year',
    path: ['date'],
  });

