import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { LogExportFormat, LogQueryWindow, opsApiRef } from '../../api';
import { errorMessage } from '../../utils/format';
import { saveFile } from '../../utils/saveFile';

const FORMATS: Array<{ format: LogExportFormat; label: string }> = [
  { format: 'ndjson', label: 'Export NDJSON' },
  { format: 'csv', label: 'Export CSV' },
];

/**
 * Downloads every record of the query over its window as NDJSON or CSV
 * (`GET /logs/export`, through the fetch API so the user's token goes along).
 */
export function LogExportButtons(props: { searchWindow: LogQueryWindow }) {
  const { searchWindow } = props;
  const opsApi = useApi(opsApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<LogExportFormat>();

  const download = async (format: LogExportFormat) => {
    setBusy(format);
    try {
      const file = await opsApi.exportLogs({ ...searchWindow, format });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      saveFile(file, `logs-${stamp}.${format}`);
    } catch (error) {
      alertApi.post({
        message: `Export failed: ${errorMessage(error)}`,
        severity: 'error',
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="small"
          variant="outlined"
          disabled={busy !== undefined}
          onClick={() => download(format)}
        >
          {busy === format ? 'Exporting…' : label}
        </Button>
      ))}
    </>
  );
}
