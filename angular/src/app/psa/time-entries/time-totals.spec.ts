import { NO_TIME, toTotals } from './time-totals';

describe('time totals', () => {
  it('split billable from non-billable, give the share and list statuses in workflow order', () => {
    expect(toTotals({ entryCount: 3, totalMinutes: 165, billableMinutes: 135, nonBillableMinutes: 30, minutesByStatus: { Approved: 45, Draft: 90, Submitted: 30 } }))
      .toEqual({
        entries: 3, total: 165, billable: 135, nonBillable: 30, billableShare: 82,
        byStatus: [{ status: 'Draft', minutes: 90 }, { status: 'Submitted', minutes: 30 }, { status: 'Approved', minutes: 45 }],
      });
  });

  it('are zero without time or before the summary arrives', () => {
    expect(toTotals({ entryCount: 0, totalMinutes: 0, billableMinutes: 0, nonBillableMinutes: 0, minutesByStatus: {} })).toEqual(NO_TIME);
    expect(toTotals(null)).toEqual(NO_TIME);
  });
});
