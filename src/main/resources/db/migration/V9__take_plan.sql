-- How a video's paid take is filmed: CONTINUOUS (one clip, then an extension per block) or PARALLEL (keyframes
-- first, then every block at once as a clip between two keyframes). Videos made before plans are continuous.
ALTER TABLE videos ADD COLUMN take_plan VARCHAR(16) DEFAULT 'CONTINUOUS' NOT NULL;
