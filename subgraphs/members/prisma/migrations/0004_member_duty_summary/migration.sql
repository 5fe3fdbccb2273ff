-- A member's duty summary, kept by the owner with its duty records in the transaction that
-- changes them (or its committee's weights) and carried by the member's snapshot, so that
-- the city and province read member activity from their replicas.
ALTER TABLE member
  ADD COLUMN duty_score integer NOT NULL DEFAULT 0,
  ADD COLUMN duty_counts jsonb NOT NULL DEFAULT '{}';

-- The summaries of this node's own members as their records stand, under the committee's
-- weights or the defaults of the time (domain/duty-score.ts); replicas get theirs with the
-- owner's next snapshot.
UPDATE member m
   SET duty_counts = s.counts, duty_score = s.score
  FROM (SELECT c.member_id,
               jsonb_object_agg(c.kind, c.n) AS counts,
               sum(c.n * CASE c.kind
                 WHEN 'PROPOSAL_LED' THEN coalesce(w.proposal_led, 10)
                 WHEN 'PROPOSAL_CO_SIGNED' THEN coalesce(w.proposal_co_signed, 3)
                 WHEN 'CONSULTATION_ATTENDED' THEN coalesce(w.consultation_attended, 5)
                 WHEN 'OPINION_SUBMITTED' THEN coalesce(w.opinion_submitted, 4)
                 WHEN 'SUPERVISION_JOINED' THEN coalesce(w.supervision_joined, 5)
                 WHEN 'SPEECH' THEN coalesce(w.speech, 8)
               END)::integer AS score
          FROM (SELECT member_id, kind::text AS kind, count(*)::integer AS n
                  FROM duty_record GROUP BY member_id, kind) c
          JOIN member o ON o.id = c.member_id
          LEFT JOIN duty_weights w ON w.region = o.region
         GROUP BY c.member_id) s
 WHERE m.id = s.member_id
   AND m.region = substring(current_schema() FROM '_(\d+)$');
