"""Running one Processing algorithm for the dock: in a background task (progress, cancel), or on the main thread for
algorithms that must (print layouts); the algorithm's own error text is kept for the dock's message bar."""
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal


class DockFeedback(QgsProcessingFeedback):
    """Feedback that remembers the errors and warnings an algorithm reports."""

    def __init__(self):
        super().__init__()
        self.errors = []
        self.warnings = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS's names
        self.errors.append(str(error))
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(str(warning))
        super().pushWarning(warning)

    def reason(self):
        """The algorithm's own message (its last error), or ''."""
        return self.errors[-1].strip() if self.errors else ""


class Next:
    """Returned by an ``on_done`` to run a further algorithm as part of the same step."""

    def __init__(self, alg_id, params, on_done):
        self.alg_id, self.params, self.on_done = alg_id, params, on_done


class Runner(QObject):
    """One algorithm at a time. ``started`` / ``progress`` / ``finished(ok, message)`` drive the dock's widgets."""

    started = pyqtSignal(str)
    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None
        self.feedback = None
        self._keep = None

    def busy(self):
        return self._keep is not None

    def run(self, alg_id, params, on_done, main_thread=False):
        """Run ``alg_id``; ``on_done(results, feedback)`` is called on success (on the main thread).

        ``main_thread`` runs it in the foreground, as QGIS does for algorithms that must not run in a thread."""
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        if alg is None:
            self.finished.emit(False, f"算法不可用 / algorithm not available: {alg_id}")
            return False
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        # the algorithms repair invalid polygons themselves and list them as findings (the sample's bow-tie
        # parcel): QGIS's own check would stop the run, or silently drop the parcel
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        feedback = DockFeedback()
        feedback.progressChanged.connect(self.progress.emit)
        self.feedback = feedback
        self._keep = (alg, context, feedback, on_done)
        self.started.emit(alg.displayName())
        if main_thread or alg.flags() & QgsProcessingAlgorithm.FlagNoThreading:
            results, ok = alg.run(params, context, feedback, {}, True)
            self._done(ok and not feedback.isCanceled(), results or {})
            return True
        self.task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        self.task.executed.connect(self._done)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def cancel(self):
        if self.task is not None:
            self.task.cancel()
        elif self.feedback is not None:
            self.feedback.cancel()

    def _done(self, ok, results):
        alg, context, feedback, on_done = self._keep
        self._keep, self.task = None, None
        if feedback.isCanceled():
            self.finished.emit(False, f"已取消：{alg.displayName()} / cancelled")
            return
        if not ok:
            reason = feedback.reason() or "详见日志消息 → Processing / see Log Messages → Processing"
            self.finished.emit(False, f"{alg.displayName()} 运行失败 / failed: {reason}")
            return
        try:
            message = on_done(results, feedback) or ""
        except Exception as err:  # noqa: BLE001 - the dock shows why, the plan stays as it was
            self.finished.emit(False, f"{alg.displayName()}: {err}")
            return
        if isinstance(message, Next):
            self.run(message.alg_id, message.params, message.on_done)
            return
        self.finished.emit(True, message)
