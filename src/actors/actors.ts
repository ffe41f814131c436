/**
 * The actor table (data/actors/actors.tsv): states, ministries, armies,
 * parties, armed groups, agencies, international bodies and a few people that
 * recur in this news, with their Wikidata ids and Arabic aliases. An entity
 * whose name is one of an actor's names is linked to it.
 */
import { readTsv } from '../data-path.ts';
import { foldKey } from '../text/normalize.ts';

export interface Actor {
  readonly id: string;
  /** The Arabic name the table gives first: what linked entities carry as `canonical`. */
  readonly canonical: string;
  readonly nameEn: string;
  /** state | government | ministry | military | party | armed-group | agency | international | company | religious | person */
  readonly kind: string;
  readonly country: string | null;
  /** CAMEO-style actor code («IRQMIL»), for event coding. */
  readonly code: string | null;
  /** Only ids the curators were sure of; otherwise absent. */
  readonly wikidata: string | null;
}

export class ActorTable {
  private readonly byName = new Map<string, Actor>();
  readonly size: number;

  constructor(rows: readonly (readonly string[])[]) {
    for (const r of rows) {
      const actor: Actor = {
        id: r[0]!,
        canonical: r[1]!,
        nameEn: r[2]!,
        kind: r[3]!,
        country: r[4] && r[4] !== '-' ? r[4] : null,
        code: r[5] && r[5] !== '-' ? r[5] : null,
        wikidata: r[6]?.startsWith('Q') && r[7] === 'sure' ? r[6] : null,
      };
      for (const n of [r[1]!, ...(r[8] ?? '').split('|')]) {
        const key = foldKey(n);
        // The table promises no alias appears twice; should one slip in, the first row keeps it.
        if (key && n !== '-' && !this.byName.has(key)) this.byName.set(key, actor);
      }
    }
    this.size = rows.length;
  }

  /** Every name (search form) with the actor it denotes. */
  names(): IterableIterator<[string, Actor]> {
    return this.byName.entries();
  }

  /** The actor a name (any spelling the search form folds together) denotes, or undefined. */
  match(name: string): Actor | undefined {
    return this.byName.get(foldKey(name));
  }
}

let shared: ActorTable | null = null;
export function actorTable(): ActorTable {
  shared ??= new ActorTable(readTsv('actors/actors.tsv'));
  return shared;
}
