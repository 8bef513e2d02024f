import type { Engineer } from '../../lib/types';

/** An engineer's skills as tags and the systems they know, with their level. */
export function EngineerSkills({ engineer, systemNames }: { engineer: Engineer; systemNames: Record<string, string> }) {
  return (
    <>
      {engineer.skills?.length ? (
        <p className="tags">
          {engineer.skills.map((s) => (
            <span className="tag" key={s}>
              {s}
            </span>
          ))}
        </p>
      ) : null}
      {engineer.systems?.length ? <p className="small">Knows: {engineer.systems.map((s) => `${systemNames[s.systemId] ?? s.systemId} (level ${s.level})`).join(', ')}</p> : null}
    </>
  );
}
