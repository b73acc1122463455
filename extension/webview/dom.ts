// DOM building by textContent only: run data is never parsed as markup.

export interface ElementProps {
  readonly className?: string;
  readonly testId?: string;
  readonly text?: string;
  readonly title?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testId) element.dataset.testid = props.testId;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.title !== undefined) element.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const element = h('option', { text: label });
  element.value = value;
  element.selected = selected;
  return element;
}

/** A <select> over `choices` ([value, label]); `onChange` gets the chosen value. */
export function select(testId: string, label: string, choices: ReadonlyArray<readonly [string, string]>, current: string | undefined,
  onChange: (value: string) => void): HTMLLabelElement {
  const element = h('select', { testId });
  for (const [value, text] of choices) element.append(option(value, text, value === current));
  if (current !== undefined) element.value = current;
  element.addEventListener('change', () => onChange(element.value));
  return h('label', { className: 'control' }, [label, ' ', element]);
}

export function checkbox(testId: string, label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLLabelElement {
  const input = h('input', { testId, attrs: { type: 'checkbox' } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { className: 'control' }, [input, ' ', label]);
}

export function button(testId: string, label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const element = h('button', { testId, text: label, ...(title ? { title } : {}), attrs: { type: 'button' } });
  element.addEventListener('click', onClick);
  return element;
}
