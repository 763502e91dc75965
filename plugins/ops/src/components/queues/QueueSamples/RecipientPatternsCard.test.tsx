import { render, screen, within } from '@testing-library/react';
import { RecipientPatternsCard } from './RecipientPatternsCard';

describe('RecipientPatternsCard', () => {
  it('shows a top domain with a share under 1 % as "<1 %", the others as whole percentages', () => {
    render(
      <RecipientPatternsCard
        recipients={{
          sampledJobs: 1000,
          uniqueRecipients: 990,
          newRecipientShare: 0.2,
          topDomains: [
            { domain: 'gmail.example', count: 994, share: 0.994 },
            { domain: 'tiny.example', count: 6, share: 0.006 },
          ],
        }}
      />,
    );
    const items = within(
      screen.getByRole('list', { name: 'Top recipient domains' }),
    ).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('gmail.example994 · 99 %');
    expect(items[1]).toHaveTextContent('tiny.example6 · <1 %');
  });

  it('shows a tiny share of new recipients as "<1 %", not "0 %"', () => {
    const card = (newRecipientShare: number) => (
      <RecipientPatternsCard
        recipients={{
          sampledJobs: 1000,
          uniqueRecipients: 990,
          newRecipientShare,
          topDomains: [],
        }}
      />
    );
    const newShare = () =>
      screen.getByRole('group', { name: 'New recipients' });
    const { rerender } = render(card(0.003));
    expect(newShare()).toHaveTextContent(/^<1 %New recipients$/);
    rerender(card(0));
    expect(newShare()).toHaveTextContent(/^0 %New recipients$/);
    rerender(card(0.2));
    expect(newShare()).toHaveTextContent(/^20 %New recipients$/);
  });
});
