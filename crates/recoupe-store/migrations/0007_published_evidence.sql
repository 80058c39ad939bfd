-- recoupe store, schema 7: the words of the text an inferred publication date was read from
-- (issue 13: `show` and the workbench name them so a reader can check the inference), as byte
-- offsets into the document's text. NULL for a date given by the source, and for documents
-- stored before this version (their inference is shown without its words).
ALTER TABLE documents ADD COLUMN published_from_start INTEGER;
ALTER TABLE documents ADD COLUMN published_from_end INTEGER;
