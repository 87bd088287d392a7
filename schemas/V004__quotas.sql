-- What one candidature may send and keep, shared by every server process.

-- The upload rate of a candidature as a token bucket in one column: the
-- moment its allowance (`upload_burst` uploads) is whole again. An upload
-- moves it one interval later; it is refused while that would put it more
-- than a whole burst ahead of now.
CREATE TABLE upload_allowance (
  candidature_id VARCHAR(64) NOT NULL PRIMARY KEY,
  full_at        DATETIME(3) NOT NULL,
  CONSTRAINT upload_allowance_candidature FOREIGN KEY (candidature_id) REFERENCES candidature (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A version replaced long ago (past the kept versions of its pièce, its job
-- over) has its files removed from the data directory: its originals, its
-- processed PDF and its preview. The rows stay, for the history and the
-- metrics; `purged_at` says their files are gone.
ALTER TABLE piece_version ADD COLUMN purged_at DATETIME(3) NULL AFTER created_at;
