-- Russian sorting with numbers inside names in numeric order («СОШ № 3» before «СОШ № 11»), used by ruOrder(),
-- the database twin of compareRussian(). ICU root collation with numeric ordering; the ICU keyword is written as
-- «@colNumeric=yes», which PGlite's ICU understands as well as PostgreSQL's (PGlite ignores the «-u-kn-true» form).
CREATE COLLATION IF NOT EXISTS opora_ru_numeric (provider = icu, locale = 'und@colNumeric=yes');
