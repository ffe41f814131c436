/**
 * Components and the pipeline that runs them.
 *
 * A component declares the layers it `requires` and `provides`. Building a
 * pipeline checks every declaration against the components before it and
 * reports all unmet ones in one error, so a misconfigured pipeline fails at
 * start-up, not on the ten-thousandth article. At run time a component that
 * throws (a bug) costs only its own layer and those that depend on it: the
 * article still yields a record, with a diagnostic saying what was skipped.
 */
import { IsnadError } from '../errors.ts';
import type { ArticleRecord } from '../record/types.ts';
import { type Article, Doc } from './doc.ts';

/** Layers a Doc starts with. */
export const INITIAL_LAYERS = ['text', 'meta'] as const;

export interface Component {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  run(doc: Doc): void;
}

export interface PipelineConfig {
  readonly components: readonly { name: string; version: string }[];
  /** A short hash of the component names and versions: what a stored record was made by. */
  readonly version: string;
}

export class Pipeline {
  readonly config: PipelineConfig;

  private constructor(private readonly components: readonly Component[]) {
    const parts = components.map((c) => ({ name: c.name, version: c.version }));
    this.config = {
      components: parts,
      version: shortHash(parts.map((p) => `${p.name}@${p.version}`).join(',')),
    };
  }

  /** Check the declarations and build; throws one error listing every unmet requirement. */
  static build(components: readonly Component[]): Pipeline {
    const available = new Set<string>(INITIAL_LAYERS);
    const problems: string[] = [];
    const names = new Set<string>();
    for (const c of components) {
      if (names.has(c.name)) problems.push(`component "${c.name}" appears twice`);
      names.add(c.name);
      for (const r of c.requires) {
        if (!available.has(r))
          problems.push(`"${c.name}" requires "${r}", which no earlier component provides`);
      }
      for (const p of c.provides) available.add(p);
    }
    if (problems.length) {
      throw new IsnadError(
        'pipeline-config',
        `the pipeline cannot be built:\n  - ${problems.join('\n  - ')}`,
      );
    }
    return new Pipeline(components);
  }

  /** Analyse one article into a record. Never throws for a component failure. */
  analyze(article: Article): ArticleRecord {
    return this.run(new Doc(article)).toRecord();
  }

  /** Run the components over a Doc, in order. */
  run(doc: Doc): Doc {
    const failed = new Set<string>();
    for (const c of this.components) {
      const missing = c.requires.filter((r) => failed.has(r));
      if (missing.length) {
        for (const p of c.provides) failed.add(p);
        doc.diagnose({
          code: 'component-skipped',
          message: `${c.name} skipped: ${missing.join(', ')} unavailable`,
        });
        continue;
      }
      try {
        c.run(doc);
      } catch (err) {
        for (const p of c.provides) failed.add(p);
        doc.diagnose({
          code: 'component-failed',
          message: `${c.name} failed: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
    return doc;
  }
}

function shortHash(s: string): string {
  // FNV-1a, 32 bits: a label, not a security measure.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
