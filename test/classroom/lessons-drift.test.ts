/**
 * docs/classroom.md's lesson numbers are generated (docs/gen-classroom.ts) from the class
 * runs of src/classroom/lessons.ts. This test recomputes a fingerprint of those runs (their
 * first ticks, every observed column) and fails when it differs from the one the doc
 * records: the model, a scenario or the page's buttons changed, so the numbers are stale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonsFingerprint } from '../../src/classroom/lessons';

describe('docs/classroom.md lessons', () => {
  const doc = readFileSync('docs/classroom.md', 'utf8');

  it('has a generated block for every lesson, filled in', () => {
    for (const lesson of LESSONS) {
      const block = new RegExp(`<!-- gen:${lesson.id} -->\\n([\\s\\S]*?)<!-- /gen:${lesson.id} -->`).exec(doc);
      expect(block, lesson.id).not.toBeNull();
      expect(block![1].trim(), lesson.id).toMatch(/^- /);
    }
  });

  it('records the fingerprint of the lessons\' runs as they are now (else: npx tsx docs/gen-classroom.ts)', () => {
    const recorded = /<!-- lessons-fingerprint: ([0-9a-f]+) -->/.exec(doc)?.[1];
    expect(recorded).toBe(lessonsFingerprint());
  }, 120_000);
});
