import { render, screen } from '@testing-library/react';
import { SourceStatusBanner } from './SourceStatusBanner';

describe('SourceStatusBanner', () => {
  it('renders nothing when all sources are ok', () => {
    const { container } = render(
      <SourceStatusBanner sources={[{ id: 'prober', status: 'ok' }]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('renders one alert per source that is not ok', () => {
    render(
      <SourceStatusBanner
        sources={[
          { id: 'prober', status: 'ok' },
          { id: 'prometheus', status: 'degraded', error: 'query timed out' },
          { id: 'catalog', status: 'unavailable' },
          { id: 'catalog', status: 'unavailable' },
        ]}
      />,
    );
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toHaveTextContent('Source “prometheus” is degraded');
    expect(alerts[0]).toHaveTextContent('query timed out');
    expect(alerts[1]).toHaveTextContent('Source “catalog” is unavailable');
    expect(screen.queryByText(/prober/)).not.toBeInTheDocument();
  });
});
