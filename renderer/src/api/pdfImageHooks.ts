/** Reads an area highlight's image crop (highlights.areaImage) as a data: URI for thumbnails in lists. */
import { client } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export const areaImageQueries = {
  /**
   * Keyed by the crop's content hash as well as the highlight: the bytes behind a hash never change, so a cached
   * thumbnail stays true; a highlight given a new crop gets a new key.
   */
  image: (highlightId: string, sha256: string): QueryDef<string> => ({
    key: `pdf:area:${highlightId}:${sha256}`,
    fetch: async () => {
      const reply = await client['highlights.areaImage']({ id: highlightId });
      if (!reply.ok) return reply;
      return { ok: true, value: `data:${reply.value.blob.mediaType};base64,${reply.value.dataBase64}` };
    },
  }),
};

/** The crop of an area highlight as a data: URI; nothing is loaded for a highlight without one (area.image null). */
export function useAreaImage(highlight: { id: string; area?: { image: { sha256: string } | null } } | null) {
  const sha = highlight?.area?.image?.sha256 ?? null;
  return useQuery(highlight && sha ? areaImageQueries.image(highlight.id, sha) : null);
}
