import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { OpsHealthEmptyState } from './OpsHealthEmptyState';

describe('OpsHealthEmptyState', () => {
  it('explains the annotation with a YAML snippet', async () => {
    await renderInTestApp(<OpsHealthEmptyState />);
    expect(screen.getByText('No health targets yet')).toBeInTheDocument();
    expect(
      screen.getAllByText(/opsconsole\.io\/health-url/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(/https:\/\/mail-api\.example\.com\/health/),
    ).toBeInTheDocument();
  });
});
