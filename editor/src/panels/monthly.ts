// Monthly simulator: a municipality's monthly averages (or a file of care episodes) → month by month the
// average against the threshold, the ladder step, the actions and the invoiced months. The computation is
// engine/monthly's, run in the worker; until that engine exists the panel says it is not available.
import type { PolicyOutline } from '../../../dsl/services';
import { h } from '../dom';
import { t, type Locale } from '../i18n';
import type { MonthsResult } from '../protocol';

export interface MonthlyDeps {
  locale: () => Locale;
  run: (input: unknown) => Promise<MonthsResult>;
}

export class MonthlyPanel {
  private outline: PolicyOutline | undefined;

  constructor(
    private readonly panel: HTMLElement,
    private readonly deps: MonthlyDeps,
  ) {}

  update(outline: PolicyOutline): void {
    this.outline = outline;
    void this.render();
  }

  rerender(): void {
    if (this.outline) void this.render();
  }

  private async render(): Promise<void> {
    const locale = this.deps.locale();
    const probe = await this.deps.run(null);
    this.panel.replaceChildren(h('h3', { text: t(locale, 'monthly.heading') }));
    if (!probe.available) {
      this.panel.append(h('p', { className: 'notice', 'data-testid': 'monthly-unavailable', text: t(locale, 'monthly.unavailable') }));
      document.body.dataset.monthly = 'unavailable';
      return;
    }
  }
}
