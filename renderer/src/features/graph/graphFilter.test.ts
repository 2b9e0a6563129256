import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../shared/contract/views-analysis';
import { ENTITY_TYPES } from '../../../../shared/domain/types';
import { edgeInDateRange, filterGraph, relationshipTypeOptions, upperBound, type GraphFilters } from './graphFilter';

const node = (id: string, type: GraphNode['type']): GraphNode => ({ id, name: id, type, aliases: [] });
const edge = (id: string, from: string, to: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id, from, to, type: 'supports', label: 'supports', unevidenced: false, confidence: 0.7,
  startDate: '', endDate: '', sourceIds: [], tagIds: [], ...extra,
});
const all: GraphFilters = { entityTypes: ENTITY_TYPES, relationshipTypes: [], tagId: null, sourceId: null, from: '', to: '' };

const data = {
  nodes: [node('tr', 'place'), node('kz', 'place'), node('erdogan', 'person'), node('cica', 'event'), node('lonely', 'person')],
  edges: [
    edge('e1', 'tr', 'kz', { sourceIds: ['s1'], tagIds: ['t1'], startDate: '2022-10' }),
    edge('e2', 'erdogan', 'tr', { type: 'leads', label: 'leads', sourceIds: ['s2'], startDate: '2014', endDate: '2023' }),
    edge('e3', 'erdogan', 'cica', { type: 'meets_with', label: 'meets with' }),
  ],
};
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('filterGraph', () => {
  it('shows everything, isolated nodes included, when nothing is filtered', () => {
    const g = filterGraph(data, all);
    expect(ids(g.nodes)).toEqual(['cica', 'erdogan', 'kz', 'lonely', 'tr']);
    expect(ids(g.edges)).toEqual(['e1', 'e2', 'e3']);
  });

  it('hides unchecked entity types together with their edges', () => {
    const g = filterGraph(data, { ...all, entityTypes: ['place', 'event'] });
    expect(ids(g.nodes)).toEqual(['cica', 'kz', 'tr']);
    expect(ids(g.edges)).toEqual(['e1']);
  });

  it('keeps only the network of matching edges for relationship type, tag and source filters', () => {
    expect(ids(filterGraph(data, { ...all, relationshipTypes: ['leads'] }).nodes)).toEqual(['erdogan', 'tr']);
    expect(ids(filterGraph(data, { ...all, tagId: 't1' }).edges)).toEqual(['e1']);
    expect(ids(filterGraph(data, { ...all, sourceId: 's2' }).edges)).toEqual(['e2']);
    expect(filterGraph(data, { ...all, sourceId: 'nope' }).nodes).toEqual([]);
  });

  it('filters by overlapping date ranges and hides undated edges while a range is set', () => {
    expect(ids(filterGraph(data, { ...all, from: '2022-10-15', to: '2022-12' }).edges)).toEqual(['e1', 'e2']);
    expect(ids(filterGraph(data, { ...all, from: '2024' }).edges)).toEqual([]);
    expect(ids(filterGraph(data, { ...all, to: '2015' }).edges)).toEqual(['e2']);
  });
});

describe('dates', () => {
  it('reads partial dates as the widest span they can mean', () => {
    expect(upperBound('2022')).toBe('2022-12-31');
    expect(upperBound('2022-02')).toBe('2022-02-31');
    expect(upperBound('2022-02-03')).toBe('2022-02-03');
    expect(upperBound('22')).toBeNull();
    expect(edgeInDateRange({ startDate: '2022-10-12', endDate: '' }, '2022-10', '2022-10')).toBe(true);
    expect(edgeInDateRange({ startDate: '2022-10-12', endDate: '' }, '2022-11', '')).toBe(false);
    expect(edgeInDateRange({ startDate: '', endDate: '' }, 'not a date', '')).toBe(true);
  });
});

describe('relationshipTypeOptions', () => {
  it('lists each type once, by label', () => {
    expect(relationshipTypeOptions(data.edges)).toEqual([
      { value: 'leads', label: 'leads' }, { value: 'meets_with', label: 'meets with' }, { value: 'supports', label: 'supports' },
    ]);
  });

  it('places qualified dates ("before 2019", "after March 2024") in time instead of hiding them', () => {
    expect(edgeInDateRange({ startDate: '<2019', endDate: '' }, '2015', '2018')).toBe(true);
    expect(edgeInDateRange({ startDate: '<2019', endDate: '' }, '2019', '')).toBe(false);
    expect(edgeInDateRange({ startDate: '>2024-03', endDate: '' }, '2030', '')).toBe(true);
    expect(edgeInDateRange({ startDate: '~2015', endDate: '' }, '2016', '2016')).toBe(true);
  });
});
