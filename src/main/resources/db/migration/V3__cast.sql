-- A video's cast: up to 3 characters, lead first, as a JSON array of {"characterId","name","description","style"}
-- copied in like the single character_* columns (which keep the lead). NULL on videos made before casts: their
-- cast is their one character.
ALTER TABLE videos ADD COLUMN cast_json VARCHAR(8000);
