/**
 * The archive's schema in PostgreSQL, as numbered migrations. Each
 * migration only adds (tables, columns, indexes, functions, policies) and
 * fills what it adds from what is there: no migration drops or rewrites a
 * user's data. `schema_version` records which ones were applied.
 *
 * Who may read what is decided by one function, `readable_collections()`,
 * used by the row-level security policies and by the search functions.
 * The search runs through SECURITY DEFINER functions because PostgreSQL
 * will not use a GIN index for `@@` (not a leakproof operator) under a
 * row-level security policy: the functions apply the same rule explicitly.
 */

export interface Migration {
  readonly version: number;
  readonly title: string;
  readonly sql: string;
}

/** The schema all archive objects live in. */
export const ARCHIVE_SCHEMA = 'briefing';

/**
 * Field weights for ts_rank_cd, in PostgreSQL's order {D, C, B, A}:
 * text (C) 1, title (B) 1.5, heading (A) 2 — the local engine's boosts.
 */
export const RANK_WEIGHTS = '{0.1, 0.5, 0.75, 1.0}';

const V1 = `
create schema if not exists briefing;

create table if not exists briefing.schema_version (
  version int primary key,
  title text not null,
  applied_at timestamptz not null default now(),
  applied_by name not null default current_user
);

create table briefing.collections (
  name text primary key check (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  owner name not null default current_user,
  created_at timestamptz not null default now()
);

-- Which roles (and their members) may read a collection.
create table briefing.collection_readers (
  collection text not null references briefing.collections(name) on delete cascade,
  reader name not null,
  primary key (collection, reader)
);

create table briefing.documents (
  id text primary key,
  collection text not null references briefing.collections(name),
  content_hash text not null,
  source_path text not null,
  -- CSL-JSON item for citation processors; meta is Briefing's own SourceMeta.
  csl jsonb not null,
  meta jsonb not null,
  sections jsonb not null,
  table_facts jsonb not null,
  raw text not null,
  bytes int not null,
  passage_count int not null,
  pushed_at timestamptz not null default now(),
  pushed_by name not null default current_user
);
create index documents_collection on briefing.documents (collection);

-- The primary key leads with doc_id so the table can be distributed by it (Citus).
create table briefing.passages (
  doc_id text not null references briefing.documents(id) on delete cascade,
  id text not null,
  collection text not null,
  ord int not null,
  kind text not null,
  section text,
  heading text,
  text text not null,
  span_start int not null,
  span_end int not null,
  heading_start int,
  heading_end int,
  gaps jsonb,
  -- Terms as the local engine makes them, weighted A heading, B title, C text.
  search tsvector not null,
  primary key (doc_id, id)
);
create index passages_search on briefing.passages using gin (search);

-- The collections the session's role may read: granted to a role it belongs to, or its own.
create function briefing.readable_collections() returns text[]
language sql stable security definer set search_path = pg_catalog, briefing as $$
  select coalesce(array_agg(distinct name), '{}')
  from (
    select r.collection as name
    from briefing.collection_readers r join pg_catalog.pg_roles g on g.rolname = r.reader
    where pg_has_role(session_user, g.oid, 'MEMBER')
    union
    select c.name from briefing.collections c join pg_catalog.pg_roles o on o.rolname = c.owner
    where pg_has_role(session_user, o.oid, 'MEMBER')
  ) readable
$$;

alter table briefing.collections enable row level security;
alter table briefing.documents enable row level security;
alter table briefing.passages enable row level security;
alter table briefing.collection_readers enable row level security;
create policy readable on briefing.collections for select
  using (name = any (coalesce((select briefing.readable_collections()), '{}')));
create policy readable on briefing.documents for select
  using (collection = any (coalesce((select briefing.readable_collections()), '{}')));
create policy readable on briefing.passages for select
  using (collection = any (coalesce((select briefing.readable_collections()), '{}')));
create policy readable on briefing.collection_readers for select
  using (collection = any (coalesce((select briefing.readable_collections()), '{}')));

grant usage on schema briefing to public;
grant select on briefing.collections, briefing.collection_readers, briefing.documents, briefing.passages, briefing.schema_version to public;
grant execute on function briefing.readable_collections() to public;
`;

const V2 = `
create extension if not exists pg_trgm;

-- Each collection's vocabulary, for typo tolerance; per collection, so a word is only found by who may read it.
create table briefing.terms (
  collection text not null references briefing.collections(name) on delete cascade,
  term text not null,
  primary key (collection, term)
);
create index terms_trigrams on briefing.terms using gin (term gin_trgm_ops);
insert into briefing.terms (collection, term)
  select distinct p.collection, t.lexeme from briefing.passages p, unnest(p.search) t
  on conflict do nothing;
alter table briefing.terms enable row level security;
create policy readable on briefing.terms for select
  using (collection = any (coalesce((select briefing.readable_collections()), '{}')));
grant select on briefing.terms to public;

-- Ranked passages for a query, among the collections the session may read.
-- The first \`cap\` matches are ranked, so a word in most passages costs no more than a rare one.
-- Each call is planned for its own query: a rare word reads the GIN index, a word in most
-- passages is found faster by reading the table until \`cap\` matches (a cached generic plan
-- would always take the index, and build a bitmap of most of the table).
create function briefing.search_passages(query tsquery, preferred text[], lim int, cap int)
returns table (
  doc_id text, id text, collection text, ord int, kind text, section text, heading text, text text,
  span_start int, span_end int, heading_start int, heading_end int, gaps jsonb, meta jsonb, rank real
)
language plpgsql stable security definer set search_path = pg_catalog, briefing set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  readable text[] := briefing.readable_collections();
begin
  return query
    select r.doc_id, r.id, r.collection, r.ord, r.kind, r.section, r.heading, r.text,
           r.span_start, r.span_end, r.heading_start, r.heading_end, r.gaps, d.meta, r.rank
    from (
      select c.*, ts_rank_cd('${RANK_WEIGHTS}'::float4[], c.search, query) as rank
      from (
        -- ts_rank (no cover density, several times cheaper) picks the few that ts_rank_cd then orders.
        select m.* from (
          select p.* from briefing.passages p
          where p.search @@ query and p.collection = any (readable)
          limit cap
        ) m
        order by (m.doc_id = any (preferred)) desc, ts_rank('${RANK_WEIGHTS}'::float4[], m.search, query) desc
        limit lim * 5
      ) c
      order by (c.doc_id = any (preferred)) desc, rank desc, c.doc_id, c.ord
      limit lim
    ) r
    join briefing.documents d on d.id = r.doc_id
    order by (r.doc_id = any (preferred)) desc, r.rank desc, r.doc_id, r.ord;
end
$$;

-- Words of the readable collections' vocabularies near the given words: trigram neighbours
-- (one-edit candidates; the client keeps those one edit away) and exact hits for swapped letters.
create function briefing.similar_terms(words text[], swaps text[], per_word int)
returns setof text
language plpgsql stable security definer set search_path = pg_catalog, briefing, public as $$
#variable_conflict use_column
declare
  readable text[] := briefing.readable_collections();
begin
  return query
    select s.term
    from unnest(words) as w(word)
    cross join lateral (
      select distinct t.term from briefing.terms t
      where t.term % w.word and t.collection = any (readable)
        and length(t.term) between length(w.word) - 1 and length(w.word) + 1
      limit per_word
    ) s
    union
    select t.term from briefing.terms t where t.term = any (swaps) and t.collection = any (readable);
end
$$;

grant execute on function briefing.search_passages(tsquery, text[], int, int) to public;
grant execute on function briefing.similar_terms(text[], text[], int) to public;
`;

// Stored text is compressed with lz4 where the server has it (PostgreSQL 14+ built with lz4, as Debian's
// and the official images are): it compresses several times faster than the default pglz, which made
// writing documents' text a large part of a push. Rows already stored keep their compression.
const V3 = `
do $$
begin
  if current_setting('server_version_num')::int >= 140000 then
    execute 'alter table briefing.documents alter column raw set compression lz4';
    execute 'alter table briefing.documents alter column meta set compression lz4';
    execute 'alter table briefing.passages alter column text set compression lz4';
    execute 'alter table briefing.passages alter column search set compression lz4';
  end if;
exception when feature_not_supported or invalid_parameter_value then
  -- A server built without lz4 keeps pglz: slower to write, the same to read.
  null;
end
$$;
`;

// Typing costs less: ts_rank_cd orders twice as many candidates as asked for (was five times), and
// typo neighbours are looked up only for words that match nothing as typed, as the local engine does
// (a word the sources use is taken as meant; its neighbours are other words, and the costliest lookup).
const V4 = `
create or replace function briefing.search_passages(query tsquery, preferred text[], lim int, cap int)
returns table (
  doc_id text, id text, collection text, ord int, kind text, section text, heading text, text text,
  span_start int, span_end int, heading_start int, heading_end int, gaps jsonb, meta jsonb, rank real
)
language plpgsql stable security definer set search_path = pg_catalog, briefing set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  readable text[] := briefing.readable_collections();
begin
  return query
    select r.doc_id, r.id, r.collection, r.ord, r.kind, r.section, r.heading, r.text,
           r.span_start, r.span_end, r.heading_start, r.heading_end, r.gaps, d.meta, r.rank
    from (
      select c.*, ts_rank_cd('${RANK_WEIGHTS}'::float4[], c.search, query) as rank
      from (
        -- ts_rank (no cover density, several times cheaper) picks the few that ts_rank_cd then orders:
        -- twice as many as asked for (ts_rank_cd of a prefix query costs ~0.1 ms a passage).
        select m.* from (
          select p.* from briefing.passages p
          where p.search @@ query and p.collection = any (readable)
          limit cap
        ) m
        order by (m.doc_id = any (preferred)) desc, ts_rank('${RANK_WEIGHTS}'::float4[], m.search, query) desc
        limit greatest(lim * 2, 40)
      ) c
      order by (c.doc_id = any (preferred)) desc, rank desc, c.doc_id, c.ord
      limit lim
    ) r
    join briefing.documents d on d.id = r.doc_id
    order by (r.doc_id = any (preferred)) desc, r.rank desc, r.doc_id, r.ord;
end
$$;

-- One-edit candidates for each of the words that are not in the readable vocabulary as typed (nor, for a
-- word being typed, as the start of a longer word): trigram neighbours, and swapped letters looked up exactly.
create function briefing.typo_neighbours(words text[], typing text[], swaps text[], swap_words text[], per_word int)
returns table (word text, near text)
language plpgsql stable security definer set search_path = pg_catalog, briefing, public as $$
#variable_conflict use_column
declare
  readable text[] := briefing.readable_collections();
begin
  return query
    with unknown as (
      select w.word from unnest(words) as w(word)
      where not exists (select 1 from briefing.terms e where e.term = w.word and e.collection = any (readable))
        and not (w.word = any (typing) and exists (
          select 1 from briefing.terms e where e.term like w.word || '_%' and e.collection = any (readable)))
    )
    select u.word, s.term from unknown u
    cross join lateral (
      select distinct t.term from briefing.terms t
      where t.term % u.word and t.collection = any (readable)
        and length(t.term) between length(u.word) - 1 and length(u.word) + 1
      limit per_word
    ) s
    union
    select u.word, t.term from unnest(swaps, swap_words) as x(swap, word)
      join unknown u on u.word = x.word
      join briefing.terms t on t.term = x.swap and t.collection = any (readable);
end
$$;
grant execute on function briefing.typo_neighbours(text[], text[], text[], text[], int) to public;
`;

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, title: 'collections, documents, passages, row-level security', sql: V1 },
  { version: 2, title: 'vocabulary for typos, search functions', sql: V2 },
  { version: 3, title: 'lz4 compression of stored text where the server has it', sql: V3 },
  { version: 4, title: 'cheaper ranking while typing, typo neighbours only for unknown words', sql: V4 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The migrations still to apply to a schema at `current` (0 when there is none), up to `target`. */
export function pendingMigrations(current: number, target = LATEST_VERSION): Migration[] {
  if (current > LATEST_VERSION) {
    throw new Error(`the archive's schema is version ${current}, newer than this Briefing knows (${LATEST_VERSION}); update Briefing`);
  }
  return MIGRATIONS.filter((migration) => migration.version > current && migration.version <= target);
}
