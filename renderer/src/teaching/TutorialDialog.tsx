import { useEffect, useRef } from 'react';
import { SEED_SOURCE } from '../../../shared/seed';
import { TUTORIAL_SECTIONS, TUTORIAL_TITLE } from '../../../shared/tutorial';
import { CATALOG, type ActionId, type ActionInfo } from '../actions/catalog';
import { useLabStore } from '../store/lab-store';

/** The registered actions that have a key, as the keys section lists them. */
const KEYS = (Object.keys(CATALOG) as ActionId[]).flatMap((id) => {
  const info: ActionInfo = CATALOG[id];
  return info.shortcut ? [{ id, label: info.label, hint: info.hint, key: info.shortcut.label }] : [];
});

/**
 * The tutorial (the desktop app's Help → The tutorial), in the window itself, so the browser
 * shell has it too: a modal dialog, Escape or Close to leave, focus back where it was.
 */
export function TutorialDialog() {
  const open = useLabStore((s) => s.tutorialOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close();
  }, [open]);
  const close = () => useLabStore.getState().setTutorialOpen(false);
  return (
    <dialog ref={dialog} className="tutorial-dialog" aria-labelledby="tutorial-title" onClose={close}>
      {open && (
        <>
          <header className="guide-header">
            <h2 id="tutorial-title">{TUTORIAL_TITLE}</h2>
            <button type="button" className="btn btn-small" onClick={close}>
              Close
            </button>
          </header>
          <div className="tutorial-body">
            {TUTORIAL_SECTIONS.map((section) => (
              <section key={section.heading}>
                <h3>{section.heading}</h3>
                {section.paragraphs.map((p) => (
                  <p key={p.slice(0, 40)}>{p}</p>
                ))}
                {section.code && (
                  <pre aria-label="The server's code" tabIndex={0}>
                    <code>{SEED_SOURCE}</code>
                  </pre>
                )}
              </section>
            ))}
            <section>
              <h3>Keys</h3>
              <dl className="keys-list">
                {KEYS.map((k) => (
                  <div key={k.id}>
                    <dt>
                      <kbd>{k.key}</kbd>
                    </dt>
                    <dd>
                      {k.label}: {k.hint}
                    </dd>
                  </div>
                ))}
              </dl>
              <p>Space belongs to a focused button, box or row: there it presses, ticks or opens.</p>
            </section>
          </div>
        </>
      )}
    </dialog>
  );
}
