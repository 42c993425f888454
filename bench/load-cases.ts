// The episodes the load test sends: varied but valid Värmland cases.
const pad = (n: number) => String(n).padStart(2, '0');
/** A varied but valid episode: admission in March, ready notice in April, some discharged, some needing SIP. */
export function episode(i: number): Record<string, unknown> {
  const d = 1 + (i % 27);
  const h = 8 + (i % 9);
  return {
    id: `load-${i}`, county: 'varmland',
    events: {
      admitted: `2019-03-${pad(d)}T${pad(h)}:00`, admission_notice_sent: `2019-03-${pad(d)}T${pad(h + 1)}:30`, ready_notice_sent: `2019-04-${pad(d)}T${pad(h + 2)}:${pad((i * 7) % 60)}`,
      ...(i % 3 ? { discharged: `2019-04-${pad(d + 1)}T10:00` } : {}), ...(i % 4 === 0 ? { sip_called: `2019-04-${pad(d)}T16:00` } : {}),
    },
    facts: { sip_needed: i % 4 === 0 },
  };
}

