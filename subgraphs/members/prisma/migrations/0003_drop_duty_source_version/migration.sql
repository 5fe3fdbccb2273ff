-- Which version of its source a duty record came from was written but never read: the
-- duty consumer's applied positions already decide which version is newer.
ALTER TABLE duty_record DROP COLUMN source_version;
