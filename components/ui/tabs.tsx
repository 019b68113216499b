import { createContext, useContext, type ComponentProps } from "react";
import { cx } from "./class-names";
import styles from "./tabs.module.css";

/** underline: tabs over a page or panel; segmented: a two- or three-way switch inside a card. */
type TTabsAppearance = "underline" | "segmented";
type TTabSize = "sm" | "md";

const TabSize = createContext<TTabSize>("md");

type TTabListProps = ComponentProps<"div"> & { appearance: TTabsAppearance; size?: TTabSize };

/** role="tablist"; the screen owns which tab is selected and how keys move between them. */
export function TabList({ appearance, size = "md", className, ...props }: TTabListProps) {
  return (
    <TabSize.Provider value={size}>
      <div role="tablist" {...props} className={cx(styles.list, styles[appearance], className)} />
    </TabSize.Provider>
  );
}

export function Tab({ selected, className, ...props }: ComponentProps<"button"> & { selected: boolean }) {
  const size = useContext(TabSize);
  return <button type="button" role="tab" aria-selected={selected} {...props} className={cx(styles.tab, styles[size], className)} />;
}
