-- The functions behind the incident search indexes (006), rewritten in PL/pgSQL with the same
-- bodies, so the same values and the same indexes. A LANGUAGE sql function cannot be inlined here
-- (declared IMMUTABLE over a STABLE cast), so every index update ran it through the SQL-function
-- executor: three calls per incident written, close to half the cost of writing an incident row.
-- PL/pgSQL evaluates a single RETURN expression on its fast path; STRICT skips the call for a NULL
-- (most incidents have no plate), whose result was NULL anyway.
CREATE OR REPLACE FUNCTION rasd_ts(t text) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ BEGIN RETURN t::timestamptz; END $$;
CREATE OR REPLACE FUNCTION rasd_plate_key(p text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ BEGIN RETURN translate(regexp_replace(p, '[\u064B-\u065F\u0640[:space:]_|.-]', '', 'g'), '0123456789۰۱۲۳۴۵۶۷۸۹إآايةھ', '٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩أأأىهه'); END $$;
