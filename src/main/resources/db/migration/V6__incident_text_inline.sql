-- An incident's description and resolution are at most 20,000 characters (the API's limit), so they are plain
-- character strings, not CLOBs. H2 handed every CLOB value out as a stream to be read back into a string, which
-- was a third of reading a million resolved incidents for the search index. No length is given, so no value
-- stored before can be too long for the new type.
ALTER TABLE incident ALTER COLUMN description SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incident ALTER COLUMN resolution SET DATA TYPE CHARACTER VARYING;
