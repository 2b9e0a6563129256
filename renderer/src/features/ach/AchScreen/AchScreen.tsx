/** The ACH screen: the list of matrices, or one matrix when the route names it. */
import { AchList } from '../AchList/AchList';
import { AchMatrixPage } from '../AchMatrixPage/AchMatrixPage';

export function AchScreen({ matrixId }: { matrixId: string | null }) {
  return matrixId ? <AchMatrixPage matrixId={matrixId} /> : <AchList />;
}
