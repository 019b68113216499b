import { ControlRoom } from "@/components/control-room/control-room";

export default function HomePage() {
  return <ControlRoom />;
}
