/** One ACH matrix: edit its title and question, add hypotheses and evidence, rate, read the ranking and its sensitivity, open passages, export CSV, add to a dossier. */
import { Alert, Anchor, Button, Group, Loader, Menu, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAchMatrix } from '../../../api/achHooks';
import {
  addEvidence, addHypothesis, rateCell, removeEvidence, removeHypothesis, renameHypothesis, updateMatrix,
} from '../../../api/achMutations';
import { saveExport } from '../../../api/saveExport';
import { hrefFor } from '../../../routes/useRoute';
import { useRecordLookup } from '../../dossiers/DossierBuilder/useRecordLookup';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { RecordPicker, type PickableKind } from '../../common/RecordPicker/RecordPicker';
import { IconBack, IconPlus } from '../../common/Icons/Icons';
import { IconDownload } from '../AchIcons/AchIcons';
import { AchTable } from '../AchTable/AchTable';
import { SensitivityPanel } from '../SensitivityPanel/SensitivityPanel';
import { AchPassages } from '../AchPassages/AchPassages';
import { AchMatrixHeading } from '../AchMatrixHeading/AchMatrixHeading';
import classes from './AchMatrixPage.module.css';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

export function AchMatrixPage({ matrixId }: { matrixId: string }) {
  const { data: view, error, loading } = useAchMatrix(matrixId);
  const lookup = useRecordLookup();
  const [hypothesis, setHypothesis] = useState('');
  const [picking, setPicking] = useState<PickableKind | null>(null);
  const [shownRow, setShownRow] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  if (!view) {
    return (
      <div className={classes.root}>
        {loading && <Loader size="sm" />}
        {error && <Alert color="red" title="The matrix could not be loaded">{error.message}</Alert>}
      </div>
    );
  }
  const { matrix } = view;
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const label = hypothesis.trim();
    if (!label) return;
    // Cleared at once, so a next hypothesis typed while this one is saved is not wiped; given back if the save fails.
    setHypothesis('');
    if (!(await addHypothesis({ matrixId, label, note: '' }))) setHypothesis((now) => now || label);
  };
  const pick = (kind: PickableKind, refId: string) =>
    void addEvidence({ matrixId, kind: kind === 'claim' ? 'claim' : 'highlight', refId });
  const exportCsv = async () => {
    setExporting(true);
    await saveExport({ kind: 'ach', matrixId });
    setExporting(false);
  };

  return (
    <div className={classes.root} data-testid="ach-matrix" data-matrix-id={matrixId}>
      <Stack gap="md">
        <div>
          <Anchor href={hrefFor({ name: 'ach', matrixId: null })} size="sm" data-testid="ach-back">
            <Group gap={4} component="span"><IconBack size={14} /> All matrices</Group>
          </Anchor>
          <AchMatrixHeading
            title={matrix.title} question={matrix.question}
            onSave={async (patch) => (await updateMatrix({ id: matrixId, ...patch })) !== null}
          />
          <TeamAuthorLine collection="matrices" id={matrixId} />
        </div>
        <Group gap="xs" align="flex-end" justify="space-between">
          <form onSubmit={add}>
            <Group gap="xs" align="flex-end">
              <TextInput
                placeholder="A hypothesis" aria-label="New hypothesis" value={hypothesis} w={280}
                onChange={(e) => setHypothesis(e.currentTarget.value)} data-testid="ach-hypothesis-new"
              />
              <Button type="submit" variant="default" leftSection={<IconPlus size={16} />} disabled={!hypothesis.trim()} data-testid="ach-hypothesis-add">
                Add hypothesis
              </Button>
            </Group>
          </form>
          <Group gap="xs">
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconPlus size={16} />} data-testid="ach-evidence-add">Add evidence</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setPicking('claim')} data-testid="ach-add-claim">A claim…</Menu.Item>
                <Menu.Item onClick={() => setPicking('quote')} data-testid="ach-add-highlight">A highlighted passage…</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="default" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()} loading={exporting}
              disabled={matrix.hypotheses.length === 0} data-testid="ach-export-csv"
            >
              Export CSV
            </Button>
            <AddToDossierButton kind="ach" refId={matrixId} size="sm" />
          </Group>
        </Group>
        {matrix.hypotheses.length === 0 && matrix.evidence.length === 0 ? (
          <div className={classes.empty}>
            <Text fw={500}>An empty matrix</Text>
            <Text size="sm" c="dimmed">
              Add every reasonable hypothesis, then the claims and passages that bear on them, and rate each against each.
            </Text>
          </div>
        ) : (
          <AchTable
            view={view}
            onRate={(evidenceId, hypothesisId, rating) => void rateCell({ matrixId, evidenceId, hypothesisId, rating })}
            onRename={(hypothesisId, label) => renameHypothesis({ matrixId, hypothesisId, label })}
            onRemoveHypothesis={(hypothesisId) => void removeHypothesis({ matrixId, hypothesisId })}
            onRemoveEvidence={(evidenceId) => void removeEvidence({ matrixId, evidenceId })}
            onShowPassages={setShownRow}
          />
        )}
        <SensitivityPanel view={view} onShowEvidence={setShownRow} />
      </Stack>
      <RecordPicker kind={picking} lookup={lookup} onPick={pick} onClose={() => setPicking(null)} />
      <AchPassages row={view.evidence.find((e) => e.id === shownRow) ?? null} onClose={() => setShownRow(null)} />
    </div>
  );
}
