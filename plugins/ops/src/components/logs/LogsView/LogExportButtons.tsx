import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { LogExportFormat, LogQueryWindow, opsApiRef } from '../../../api';
import { errorMessage, formatCount } from '../../shared/format';
import { saveFile } from '../saveFile';

const FORMATS: Array<{ format: LogExportFormat; label: string }> = [
  { format: 'ndjson', label: 'Export NDJSON' },
  { format: 'csv', label: 'Export CSV' },
];

/**
 * Downloads every record of the query over its window as NDJSON or CSV
 * (`GET /logs/export`, through the fetch API so the user's token goes along).
 * Once the backend said how many records an export holds at most, that shows
 * beside the buttons; an export that stopped there, or failed part-way, says
 * so.
 */
export function LogExportButtons(props: { searchWindow: LogQueryWindow }) {
  const { searchWindow } = props;
  const opsApi = useApi(opsApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<LogExportFormat>();
  const [maxRecords, setMaxRecords] = useState<number>();

  const download = async (format: LogExportFormat) => {
    setBusy(format);
    try {
      const exported = await opsApi.exportLogs({ ...searchWindow, format });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      saveFile(exported.file, `logs-${stamp}.${format}`);
      setMaxRecords(exported.maxRecords);
      if (exported.error) {
        alertApi.post({
          message: `Export incomplete: ${
            exported.error
          }. The file holds the ${formatCount(
            exported.records,
          )} newest records, up to the failure.`,
          severity: 'error',
        });
      } else if (
        exported.maxRecords !== undefined &&
        exported.records >= exported.maxRecords
      ) {
        alertApi.post({
          message: `The export stopped at ${formatCount(
            exported.maxRecords,
          )} records, the most one export holds: it has the newest ones. Narrow the time range for older records.`,
          severity: 'warning',
        });
      }
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
      {maxRecords !== undefined && (
        <Typography variant="caption" color="textSecondary">
          at most {formatCount(maxRecords)} records
        </Typography>
      )}
    </>
  );
}
