-- Every statement that updates several dashboard_cache rows now locks them in one order (by
-- establishment, then part; 'learners:…' sorts before 'months', as a progress write touches them).
-- Before, a writer's touch and a reader's keep could lock an establishment's learners and months
-- rows in opposite orders and deadlock (40P01, seen once on PostgreSQL under concurrent writes).
CREATE OR REPLACE FUNCTION "dashboard_cache_touch"("organisation_ids" uuid[], "parts" text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  organisation uuid;
BEGIN
  IF coalesce(cardinality(organisation_ids), 0) = 0 THEN
    RETURN;
  END IF;
  FOR organisation IN SELECT DISTINCT o FROM unnest(organisation_ids) AS o WHERE o IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(1986618729, hashtext(organisation::text));
  END LOOP;
  IF current_setting('transaction_isolation') = 'read committed' THEN
    PERFORM 1 FROM "dashboard_cache" c
      WHERE (c."organisation_id", c."part") IN (SELECT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) AND c."armed"
      ORDER BY c."organisation_id", c."part" FOR UPDATE;
    UPDATE "dashboard_cache" c SET "armed" = false FROM (SELECT DISTINCT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) t
      WHERE c."organisation_id" = t.o AND c."part" = t.p AND c."armed";
  ELSE
    PERFORM 1 FROM "dashboard_cache" c
      WHERE (c."organisation_id", c."part") IN (SELECT o, p FROM unnest(organisation_ids, parts) AS t(o, p))
      ORDER BY c."organisation_id", c."part" FOR UPDATE;
    UPDATE "dashboard_cache" c SET "armed" = false FROM (SELECT DISTINCT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) t
      WHERE c."organisation_id" = t.o AND c."part" = t.p;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_cache_arm"("target" uuid, "parts" jsonb) RETURNS TABLE ("armed_part" text, "armed_generation" bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(1986618729, hashtext(target::text));
  RETURN QUERY INSERT INTO "dashboard_cache" AS c ("organisation_id", "part", "generation", "armed")
    SELECT target, p, 1, true FROM (SELECT DISTINCT p FROM jsonb_array_elements_text(parts) AS p) d ORDER BY p
    ON CONFLICT ("organisation_id", "part") DO UPDATE SET "generation" = c."generation" + 1, "armed" = true
    RETURNING c."part", c."generation";
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_cache_keep"("target" uuid, "kept" jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM 1 FROM "dashboard_cache" c
    WHERE c."organisation_id" = target AND c."part" IN (SELECT k->>'part' FROM jsonb_array_elements(kept) AS k) AND c."armed"
    ORDER BY c."part" FOR UPDATE;
  UPDATE "dashboard_cache" c SET "statement_key" = k."statement_key", "cached_generation" = k."generation", "figures" = k."figures"
    FROM jsonb_to_recordset(kept) AS k("part" text, "generation" bigint, "statement_key" text, "figures" jsonb)
    WHERE c."organisation_id" = target AND c."part" = k."part" AND c."generation" = k."generation" AND c."armed";
END $$;
