/**
 * "Captured from the web": the provenance record of a captured source (what was asked for, what answered, when, the
 * hashes that prove what was seen), with Verify, Save copy, Re-capture and the versions of the page.
 */
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaptureRecord, PageMetadata } from '../../../../../shared/domain/capture';
import type { Source } from '../../../../../shared/domain/types';
import { formatBytes } from '../../maintenance/maintenanceFormat';
import { describeCharset, formatUtc } from '../captureFormat';
import { CaptureActions } from '../CaptureActions/CaptureActions';
import { CaptureVersions } from '../CaptureVersions/CaptureVersions';
import { HashValue } from './HashValue';
import classes from './CaptureProvenance.module.css';

/** Only web links are clickable: a stored address is shown, but never becomes a `javascript:` link. */
function Address({ url, testId }: { url: string; testId?: string }) {
  if (!/^https?:\/\//i.test(url)) return <Text span size="sm" ff="monospace" data-testid={testId}>{url || '—'}</Text>;
  return <Anchor href={url} target="_blank" rel="noreferrer noopener" size="sm" ff="monospace" data-testid={testId}>{url}</Anchor>;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function PageFacts({ page }: { page: PageMetadata }) {
  const rows: [string, string][] = [
    ['Title', page.title], ['Authors', page.authors.join('; ')], ['Publisher', page.publisher],
    ['Published', page.publishedAt], ['Modified', page.modifiedAt], ['Language', page.language],
  ];
  const shown = rows.filter(([, v]) => v);
  return (
    <>
      {shown.map(([label, value]) => <Fact key={label} label={`Page ${label.toLowerCase()}`}>{value}</Fact>)}
      {page.canonicalUrl && <Fact label="Canonical URL"><Address url={page.canonicalUrl} /></Fact>}
      <Fact label="Metadata found" testId="capture-found">
        {page.found.length > 0 ? page.found.join(', ') : 'none (title taken from the text)'}
      </Fact>
    </>
  );
}

function RecordFacts({ capture }: { capture: CaptureRecord }) {
  return (
    <dl className={classes.facts}>
      <Fact label="Requested URL"><Address url={capture.requestedUrl} testId="capture-requested" /></Fact>
      <Fact label="Final URL"><Address url={capture.finalUrl} testId="capture-final" /></Fact>
      {capture.redirects.length > 0 && (
        <Fact label="Redirects" testId="capture-redirects">
          <ol className={classes.hops}>
            {capture.redirects.map((hop, i) => (
              <li key={i}><Text span size="sm">{hop.status}</Text> <Address url={hop.url} /> → <Address url={hop.location} /></li>
            ))}
          </ol>
        </Fact>
      )}
      <Fact label="HTTP status" testId="capture-status">{capture.method === 'extension' ? 'none (sent by the browser extension)' : capture.status}</Fact>
      <Fact label="Captured" testId="capture-time">{formatUtc(capture.capturedAt)}</Fact>
      <Fact label="Content type" testId="capture-type">{capture.contentType || '—'}</Fact>
      <Fact label="Charset" testId="capture-charset">{describeCharset(capture.charset, capture.charsetSource)}</Fact>
      <Fact label="Raw bytes">
        <Text size="xs" c="dimmed">{formatBytes(capture.raw.bytes)} · {capture.raw.mediaType} · SHA-256</Text>
        <HashValue value={capture.raw.sha256} label="SHA-256 of the raw bytes" testId="capture-raw-sha" />
      </Fact>
      <Fact label="Text">
        <Text size="xs" c="dimmed">SHA-256 of the extracted text</Text>
        <HashValue value={capture.textSha256} label="SHA-256 of the text" testId="capture-text-sha" />
      </Fact>
      <Fact label="Printed copy" testId="capture-rendered">
        {capture.rendered ? (
          <>
            <Text size="xs" c="dimmed">{formatBytes(capture.rendered.bytes)} · {capture.rendered.mediaType} · printed with scripts off · SHA-256</Text>
            <HashValue value={capture.rendered.sha256} label="SHA-256 of the printed copy" testId="capture-rendered-sha" />
          </>
        ) : (
          <Text size="sm" className={classes.error} data-testid="capture-render-error">
            Not printed: {capture.renderError || 'no reason was recorded'}
          </Text>
        )}
      </Fact>
      {capture.userAgent && <Fact label="Browser">{capture.userAgent}</Fact>}
      <PageFacts page={capture.page} />
    </dl>
  );
}

/** `onLeave`: a link to another source was followed (the details dialog closes as the reader moves on). */
export function CaptureProvenance({ source, onLeave }: { source: Source; onLeave: () => void }) {
  const capture = source.capture;
  if (!capture) return null;
  return (
    <section className={classes.section} aria-labelledby="capture-provenance-title" data-testid="capture-provenance">
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Title order={4} id="capture-provenance-title">Captured from the web</Title>
          <Group gap={6}>
            {source.versionOf && <Badge variant="light" color="gray" data-testid="capture-version">Version {source.versionOf.version}</Badge>}
            <Badge variant="outline" color="gray">{capture.method === 'extension' ? 'From the browser extension' : 'Fetched by URL'}</Badge>
          </Group>
        </Group>
        <RecordFacts capture={capture} />
        <CaptureActions source={source} onLeave={onLeave} />
        <CaptureVersions source={source} onLeave={onLeave} />
      </Stack>
    </section>
  );
}
