import { demoApi } from '../../api/demo-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { navigate } from '../../routing/location-store.ts';

/** Loads the demo incident and opens its postmortem, so that a first look is not empty. */
export function LoadDemoButton() {
  const submit = useSubmit();
  const handleClick = async () => {
    const loaded = await submit.run(() => demoApi.load());
    if (loaded) {
      navigate(`/postmortems/${loaded.data.postmortemId}`);
    }
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={handleClick} disabled={submit.pending}>
        {submit.pending ? 'Loading the demo…' : 'Load a demo incident'}
      </button>
      <ProblemAlert problem={submit.problem} />
    </div>
  );
}
