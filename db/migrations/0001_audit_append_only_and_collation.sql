-- Russian sorting, used by ORDER BY ... COLLATE opora_ru. ICU's root collation ('und'): Cyrillic in alphabetical
-- order with ё next to е, case after letters. Not 'ru-RU': PGlite's ICU carries no locale tailorings and would
-- sort differently from a real PostgreSQL server (which puts Cyrillic before Latin for 'ru'); root is the same on
-- both engines.
CREATE COLLATION IF NOT EXISTS opora_ru (provider = icu, locale = 'und');
--> statement-breakpoint
-- The audit log is append-only: the database itself refuses to change or remove its rows.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Журнал аудита только для добавления: % запрещено', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
