-- The gestionnaire's workspace: the candidate's name to search and sort on,
-- what the work list filters on without reading every report, and the
-- history of every change of a candidature.

-- As eCandidat knows them (PUT). NULL: not given.
ALTER TABLE candidature ADD COLUMN nom VARCHAR(100) NULL AFTER ine;
ALTER TABLE candidature ADD COLUMN prenom VARCHAR(100) NULL AFTER nom;

-- The work list's orders and its formation filter.
ALTER TABLE candidature ADD KEY candidature_updated (updated_at, id);
ALTER TABLE candidature ADD KEY candidature_formation (formation, updated_at);
ALTER TABLE candidature ADD KEY candidature_nom (nom, prenom, id);

-- Whether the pre-check found active content worth the gestionnaire's eye:
-- scripts, launches, attachments… removed, or kept in a signed PDF (the
-- report's arrays, absent from reports written before). Web links alone are
-- in most CVs and are not worth the flag. Computed once from the report when
-- the row is written, so that the work list never parses a report.
ALTER TABLE precheck ADD COLUMN active_content TINYINT(1) AS (
  COALESCE(JSON_LENGTH(report, '$.active_content_removed') >
           COALESCE(JSON_CONTAINS(report, '"link"', '$.active_content_removed'), 0)
        OR JSON_LENGTH(report, '$.active_content_kept') >
           COALESCE(JSON_CONTAINS(report, '"link"', '$.active_content_kept'), 0), 0)) STORED;

-- The work list's flag filter starts from the few pre-checks that carry a
-- flag, found through these keys without reading a report (the work list
-- bench: 5 000 candidatures, 90 ms for the count of one flag probed
-- candidature by candidature, 2 ms from the key). `outcome` has its key
-- since V001.
ALTER TABLE precheck ADD KEY precheck_ine_verdict (ine_verdict);
ALTER TABLE precheck ADD KEY precheck_active_content (active_content);

-- Every upload, pre-check result, decision, status change and transmission,
-- written in the transaction of the change and never changed after.
-- `by` is the token's holder (its `sub`), `candidat`, or `controle` for the
-- automatic pre-check. The statuses are the pièce's when `piece_code` is
-- set, else the candidature's; either may be NULL (an upload changes no
-- candidature status).
CREATE TABLE historique (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidature_id VARCHAR(64)  NOT NULL,
  at             DATETIME(3)  NOT NULL,
  actor          VARCHAR(128) NOT NULL,
  kind           VARCHAR(24)  NOT NULL,  -- creation, upload, precheck, decision, status, transmission, non_concerne
  piece_code     VARCHAR(64)  NULL,
  old_status     CHAR(2)      NULL,
  new_status     CHAR(2)      NULL,
  comment        TEXT         NULL,
  KEY historique_candidature (candidature_id, id),
  CONSTRAINT historique_candidature FOREIGN KEY (candidature_id) REFERENCES candidature (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
