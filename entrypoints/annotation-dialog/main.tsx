import '../../components/annotation-dialog.css';
import '../../components/annotation-dialog-frame.css';
import { serveDialogFrame } from '../../lib/page/dialog-frame-view';

serveDialogFrame();
