-- Fair claims and superseded versions (workers/queue/ClaimJob).
-- `superseded`: a version replaced by a newer upload before its job ran; it
-- is never processed, and the job row keeps when and why for an audit.
ALTER TABLE job DROP CONSTRAINT job_state;
ALTER TABLE job ADD CONSTRAINT job_state
  CHECK (state IN ('queued', 'running', 'done', 'poison', 'superseded'));

-- Waiting jobs in arrival order: a claim walks the oldest first and stops at
-- the first one it may take, instead of sorting every queued job.
ALTER TABLE job ADD KEY job_arrival (state, id);
