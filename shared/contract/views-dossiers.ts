/** Response views for dossiers, exports and imports. */
import type { Dossier } from '../domain/types';

export interface DossierSummary {
  id: string;
  title: string;
  subjectNames: string[];
  author: string;
  sectionCount: number;
  blockCount: number;
  updatedAt: string;
}

/** A finished file, base64 so it crosses IPC and HTTP alike. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export interface ExportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** 0..1 */
  progress: number;
  stage: string;
  fileName: string | null;
  error: string | null;
}

export interface AnnotationImportReport {
  attached: number;
  duplicates: number;
  orphans: Array<{ annotationId: string; quote: string; reason: string }>;
}

export interface DossierWithHtml {
  dossier: Dossier;
  /** The same HTML the PDF is printed from (for the live preview). */
  html: string;
}
